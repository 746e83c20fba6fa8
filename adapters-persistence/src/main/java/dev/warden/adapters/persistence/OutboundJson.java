package dev.warden.adapters.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.domain.campaign.CampaignId;
import dev.warden.domain.organization.WabaId;
import dev.warden.domain.sending.EventType;
import dev.warden.domain.sending.OutboundMessage;
import dev.warden.domain.sending.Recipient;
import dev.warden.domain.sending.SendProvider;
import dev.warden.domain.template.TemplateCategory;
import dev.warden.domain.template.TemplateId;
import dev.warden.domain.template.TemplateStatus;
import dev.warden.domain.template.parameter.ParameterFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.JSONB;

/** The {@code outbound} column of a notification (V18): the customer message it sends. */
final class OutboundJson {

    private OutboundJson() {
    }

    static JSONB write(OutboundMessage m) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("kind", m.kind().name());
        node.put("provider", m.provider().name());
        node.put("wabaId", m.wabaId().value());
        m.phoneNumberId().ifPresent(number -> node.put("phoneNumberId", number));
        node.put("recipientKind", m.recipient().kind().name());
        node.put("recipient", m.recipient().value());
        m.template().ifPresent(t -> node.putObject("template").put("id", t.id().value().toString())
                .put("name", t.name()).put("language", t.language()).put("category", t.category().name())
                .put("parameterFormat", t.parameterFormat().name()));
        // Arrays, not objects: jsonb does not keep the order of an object's keys, and order is the send's.
        parameters(node.putArray("header"), m.headerParameters());
        parameters(node.putArray("body"), m.bodyParameters());
        m.text().ifPresent(text -> node.put("text", text));
        m.eventType().ifPresent(type -> node.put("eventType", type.value()));
        m.campaignId().ifPresent(campaign -> node.put("campaignId", campaign.toString()));
        m.fallbackFrom().ifPresent(f -> node.putObject("fallbackFrom").put("id", f.id().value().toString())
                .put("name", f.name()).put("language", f.language()).put("status", f.status().name()));
        return Json.write(node);
    }

    static Optional<OutboundMessage> read(JSONB json) {
        if (json == null) {
            return Optional.empty();
        }
        JsonNode node = Json.tree(json);
        JsonNode t = node.get("template");
        Optional<OutboundMessage.TemplateRef> template = t == null ? Optional.empty()
                : Optional.of(new OutboundMessage.TemplateRef(new TemplateId(UUID.fromString(t.path("id").asText())),
                        t.path("name").asText(), t.path("language").asText(),
                        TemplateCategory.valueOf(t.path("category").asText()),
                        ParameterFormat.valueOf(t.path("parameterFormat").asText())));
        return Optional.of(new OutboundMessage(OutboundMessage.Kind.valueOf(node.path("kind").asText()),
                SendProvider.valueOf(node.path("provider").asText()), new WabaId(node.path("wabaId").asText()),
                Optional.ofNullable(node.get("phoneNumberId")).map(JsonNode::asText),
                new Recipient(Recipient.Kind.valueOf(node.path("recipientKind").asText()),
                        node.path("recipient").asText()),
                template, parameters(node.path("header")), parameters(node.path("body")),
                Optional.ofNullable(node.get("text")).map(JsonNode::asText),
                Optional.ofNullable(node.get("eventType")).map(JsonNode::asText).map(EventType::new),
                Optional.ofNullable(node.get("campaignId")).map(JsonNode::asText).map(CampaignId::parse),
                Optional.ofNullable(node.get("fallbackFrom")).map(OutboundJson::fallbackFrom)));
    }

    private static OutboundMessage.FallbackFrom fallbackFrom(JsonNode f) {
        return new OutboundMessage.FallbackFrom(new TemplateId(UUID.fromString(f.path("id").asText())),
                f.path("name").asText(), f.path("language").asText(), TemplateStatus.valueOf(f.path("status").asText()));
    }

    private static void parameters(ArrayNode array, List<OutboundMessage.Parameter> parameters) {
        parameters.forEach(p -> array.addObject().put("name", p.name()).put("value", p.value()));
    }

    private static List<OutboundMessage.Parameter> parameters(JsonNode array) {
        List<OutboundMessage.Parameter> parameters = new ArrayList<>();
        array.forEach(p -> parameters.add(new OutboundMessage.Parameter(p.path("name").asText(),
                p.path("value").asText())));
        return parameters;
    }
}
