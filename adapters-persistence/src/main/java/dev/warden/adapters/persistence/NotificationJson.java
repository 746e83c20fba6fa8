package dev.warden.adapters.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.domain.alert.AlertSeverity;
import dev.warden.domain.notification.ChannelKind;
import dev.warden.domain.notification.NotificationMessage;
import dev.warden.domain.notification.NotificationPreferences;
import dev.warden.domain.shared.OrganizationId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.JSONB;

/** The JSON columns of the notification tables: a message, and an organisation's preferences. */
final class NotificationJson {

    private NotificationJson() {
    }

    static JSONB message(NotificationMessage message) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("severity", message.severity().name());
        node.put("title", message.title());
        node.put("text", message.text());
        // An array, not an object: jsonb does not keep the order of an object's keys.
        ArrayNode fields = node.putArray("fields");
        message.fields().forEach((name, value) -> fields.addObject().put("name", name).put("value", value));
        node.put("dashboardPath", message.dashboardPath());
        return Json.write(node);
    }

    static NotificationMessage message(JSONB json) {
        JsonNode node = Json.tree(json);
        Map<String, String> fields = new LinkedHashMap<>();
        node.path("fields").forEach(field -> fields.put(field.path("name").asText(), field.path("value").asText()));
        return new NotificationMessage(AlertSeverity.valueOf(node.path("severity").asText()),
                node.path("title").asText(), node.path("text").asText(), fields, node.path("dashboardPath").asText());
    }

    static JSONB preferences(NotificationPreferences preferences) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        ObjectNode routes = node.putObject("routes");
        preferences.routes().forEach((severity, kinds) -> {
            ArrayNode list = routes.putArray(severity.name());
            kinds.stream().sorted().forEach(k -> list.add(k.name()));
        });
        ArrayNode emails = node.putArray("emailRecipients");
        preferences.emailRecipients().forEach(emails::add);
        preferences.slackWebhookUrl().ifPresent(url -> node.put("slackWebhookUrl", url));
        node.put("whatsAppProvider", preferences.whatsAppProvider().name());
        ArrayNode numbers = node.putArray("whatsAppNumbers");
        preferences.whatsAppNumbers().forEach(numbers::add);
        node.put("escalateAfterSeconds", preferences.escalateAfter().toSeconds());
        return Json.write(node);
    }

    static NotificationPreferences preferences(OrganizationId organizationId, JSONB json) {
        JsonNode node = Json.tree(json);
        Map<AlertSeverity, Set<ChannelKind>> routes = new EnumMap<>(AlertSeverity.class);
        node.path("routes").fields().forEachRemaining(e -> {
            Set<ChannelKind> kinds = EnumSet.noneOf(ChannelKind.class);
            e.getValue().forEach(k -> kinds.add(ChannelKind.valueOf(k.asText())));
            routes.put(AlertSeverity.valueOf(e.getKey()), kinds);
        });
        return new NotificationPreferences(organizationId, routes, strings(node.path("emailRecipients")),
                Optional.ofNullable(node.get("slackWebhookUrl")).map(JsonNode::asText),
                NotificationPreferences.WhatsAppProvider.valueOf(node.path("whatsAppProvider").asText("MYOPERATOR")),
                strings(node.path("whatsAppNumbers")),
                Duration.ofSeconds(node.path("escalateAfterSeconds")
                        .asLong(NotificationPreferences.DEFAULT_ESCALATE_AFTER.toSeconds())));
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
