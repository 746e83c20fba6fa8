package dev.warden.adapters.meta.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.adapters.meta.webhook.MetaJson;
import dev.warden.application.port.out.MetaCallFailed;
import dev.warden.application.port.out.NotificationChannel;
import dev.warden.domain.notification.ChannelKind;
import dev.warden.domain.notification.DeliveryOutcome;
import dev.warden.domain.notification.Notification;
import dev.warden.domain.notification.NotificationMessage;
import dev.warden.domain.notification.NotificationPreferences.WhatsAppProvider;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * WhatsApp alerts through Meta's Cloud API: {@code POST /{phone_number_id}/messages} with the alert
 * template (meta-platform.md §7), one try per call; the outbox retries. Meta's {@code messages[0].id}
 * (the wamid) is the provider's message id. Acceptance is not delivery: Meta may still fail the
 * message later, on a status webhook.
 */
public final class GraphWhatsAppChannel implements NotificationChannel {

    /**
     * What each parameter is cut to: together 900 characters, so the body with the template's own
     * words stays within Meta's 1,024 (meta-platform.md §8); a longer one is refused with 132005.
     */
    static final int TITLE_LIMIT = 100;
    static final int TEXT_LIMIT = 600;
    static final int LINK_LIMIT = 200;

    private final GraphHttp http;
    private final MetaAlertSettings settings;

    public GraphWhatsAppChannel(GraphHttp http, MetaAlertSettings settings) {
        this.http = http;
        this.settings = settings;
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.WHATSAPP;
    }

    @Override
    public Optional<WhatsAppProvider> whatsAppProvider() {
        return Optional.of(WhatsAppProvider.META);
    }

    @Override
    public DeliveryOutcome deliver(Notification notification) {
        HttpResponse<byte[]> response;
        try {
            response = http.postOnce("/" + settings.phoneNumberId() + "/messages", payload(notification),
                    settings.timeout());
        } catch (MetaCallFailed e) {
            return GraphSendOutcomes.failed(e);
        }
        JsonNode body = readable(response.body());
        if (response.statusCode() == 200) {
            // Accepted: trying again would send it twice, even if the answer names no id.
            return new DeliveryOutcome.Sent(Optional.ofNullable(
                    MetaJson.text(body == null ? null : body.path("messages").path(0).get("id"))));
        }
        return GraphSendOutcomes.refusal(response.statusCode(), body);
    }

    byte[] payload(Notification notification) {
        NotificationMessage message = notification.message();
        ObjectNode root = MetaJson.MAPPER.createObjectNode();
        root.put("messaging_product", "whatsapp");
        root.put("recipient_type", "individual");
        // Meta takes the number as digits with the country code; the preferences hold it as E.164.
        root.put("to", notification.recipient().replaceAll("[^0-9]", ""));
        root.put("type", "template");
        ObjectNode template = root.putObject("template");
        template.put("name", settings.templateName());
        template.putObject("language").put("code", settings.language());
        ArrayNode parameters = template.putArray("components").addObject().put("type", "body")
                .putArray("parameters");
        parameters.addObject().put("type", "text").put("text", parameter(message.title(), TITLE_LIMIT));
        parameters.addObject().put("type", "text").put("text", parameter(message.text(), TEXT_LIMIT));
        parameters.addObject().put("type", "text").put("text", parameter(dashboardLink(message), LINK_LIMIT));
        // Echoed on Meta's status webhooks: names the notification, so a repeat is recognisable.
        root.put("biz_opaque_callback_data", notification.id().toString());
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Meta refuses template parameters with line breaks, tabs or more than four spaces in a row, and
     * empty ones: one line, spaces collapsed, cut to the limit.
     */
    static String parameter(String text, int limit) {
        String line = text.replaceAll("\\s+", " ").strip();
        if (line.isEmpty()) {
            return "-";
        }
        return line.length() <= limit ? line : line.substring(0, limit - 1) + "…";
    }

    private String dashboardLink(NotificationMessage message) {
        String base = settings.dashboardUrl().replaceAll("/+$", "");
        return base + message.dashboardPath();
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
