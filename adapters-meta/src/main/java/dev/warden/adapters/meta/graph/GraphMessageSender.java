package dev.warden.adapters.meta.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.adapters.meta.webhook.MetaJson;
import dev.warden.application.port.out.MessageSender;
import dev.warden.application.port.out.MetaCallFailed;
import dev.warden.domain.sending.OutboundMessage;
import dev.warden.domain.sending.SendProvider;
import dev.warden.domain.sending.SendResult;
import dev.warden.domain.template.parameter.ParameterFormat;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Customer messages through Meta's Cloud API: {@code POST /{phone_number_id}/messages} with a template
 * (its values in order, named ones with {@code parameter_name}; meta-platform.md §7) or a text, one try
 * per call (the outbox retries). A phone number goes as {@code to} (digits), a business-scoped user id
 * as {@code recipient} (§12). Refusals are sorted by {@link MetaSendErrors}.
 */
public final class GraphMessageSender implements MessageSender {

    private final GraphHttp http;
    private final Duration timeout;

    public GraphMessageSender(GraphHttp http, Duration timeout) {
        this.http = http;
        this.timeout = timeout;
    }

    @Override
    public SendProvider provider() {
        return SendProvider.META;
    }

    @Override
    public SendResult send(UUID notificationId, OutboundMessage message) {
        Optional<String> from = message.phoneNumberId();
        if (from.isEmpty()) {
            return MetaSendErrors.failed(new MetaCallFailed(MetaCallFailed.Kind.REFUSED,
                    "no sending phone number id: Meta sends from a business phone number"));
        }
        HttpResponse<byte[]> response;
        try {
            response = http.postOnce("/" + from.get() + "/messages", payload(notificationId, message), timeout);
        } catch (MetaCallFailed e) {
            return MetaSendErrors.failed(e);
        }
        JsonNode body = readable(response.body());
        if (response.statusCode() == 200) {
            // Accepted: trying again would send it twice, even if the answer names no id.
            return new SendResult.Accepted(Optional.ofNullable(
                    MetaJson.text(body == null ? null : body.path("messages").path(0).get("id"))));
        }
        return MetaSendErrors.refusal(response.statusCode(), body);
    }

    static byte[] payload(UUID notificationId, OutboundMessage message) {
        ObjectNode root = MetaJson.MAPPER.createObjectNode();
        root.put("messaging_product", "whatsapp");
        root.put("recipient_type", "individual");
        if (message.recipient().isPhone()) {
            root.put("to", message.recipient().contact());
        } else {
            root.put("recipient", message.recipient().value());
        }
        if (message.kind() == OutboundMessage.Kind.TEXT) {
            root.put("type", "text");
            root.putObject("text").put("preview_url", false).put("body", message.text().orElseThrow());
        } else {
            OutboundMessage.TemplateRef ref = message.template().orElseThrow();
            root.put("type", "template");
            ObjectNode template = root.putObject("template");
            template.put("name", ref.name());
            template.putObject("language").put("code", ref.language());
            ArrayNode components = template.putArray("components");
            boolean named = ref.parameterFormat() == ParameterFormat.NAMED;
            component(components, "header", message.headerParameters(), named);
            component(components, "body", message.bodyParameters(), named);
        }
        // Echoed on Meta's status webhooks: names the notification, so a repeat is recognisable.
        root.put("biz_opaque_callback_data", notificationId.toString());
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void component(ArrayNode components, String type, List<OutboundMessage.Parameter> parameters,
                                  boolean named) {
        if (parameters.isEmpty()) {
            return;
        }
        ArrayNode list = components.addObject().put("type", type).putArray("parameters");
        for (OutboundMessage.Parameter p : parameters) {
            ObjectNode parameter = list.addObject().put("type", "text");
            if (named) {
                parameter.put("parameter_name", p.name());
            }
            parameter.put("text", p.value());
        }
    }

    private static JsonNode readable(byte[] body) {
        try {
            return GraphTemplateReader.json(body);
        } catch (MetaCallFailed e) {
            // A proxy's HTML error page: the status alone decides.
            return null;
        }
    }
}
