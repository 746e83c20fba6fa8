package dev.warden.domain.notification;

import dev.warden.domain.alert.AlertNotices;
import dev.warden.domain.alert.AlertSeverity;
import dev.warden.domain.alert.AlertSnapshot;
import dev.warden.domain.sending.OutboundMessage;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * What a notification says, before any channel formats it: a title, a line of text, a few labelled
 * facts and the dashboard path of what it is about (each channel adds WARDEN_DASHBOARD_URL in front).
 */
public record NotificationMessage(AlertSeverity severity, String title, String text, Map<String, String> fields,
                                  String dashboardPath) {

    public NotificationMessage {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        // In the order given: channels show the facts in this order.
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        Objects.requireNonNull(dashboardPath, "dashboardPath");
    }

    public static NotificationMessage about(AlertSnapshot alert, AlertNotices.Reason reason) {
        String prefix = switch (reason) {
            case RAISED -> "";
            case ESCALATED -> "Escalated: ";
            case UNACKNOWLEDGED -> "Still unacknowledged: ";
        };
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Severity", alert.severity().name());
        fields.put("Type", alert.type().name());
        fields.put("Subject", alert.subject().kind() + " " + alert.subject().key());
        String name = alert.details().get("templateName");
        if (name != null) {
            fields.put("Template", name);
        }
        fields.put("Times raised", Integer.toString(alert.count()));
        return new NotificationMessage(alert.severity(), prefix + alert.severity() + ": " + alert.type(),
                alert.message(), fields, "/alerts/" + alert.id());
    }

    /** How a customer send shows in the notification list: what, why, through whom. Not what goes out. */
    public static NotificationMessage describing(OutboundMessage outbound, UUID id) {
        Map<String, String> fields = new LinkedHashMap<>();
        outbound.eventType().ifPresent(type -> fields.put("Event", type.value()));
        outbound.template().ifPresent(t -> {
            fields.put("Template", t.name() + " (" + t.language() + ")");
            fields.put("Category", t.category().name());
        });
        outbound.fallbackFrom().ifPresent(f -> fields.put("Fallback for", f.name() + " (" + f.language() + "), "
                + f.status()));
        fields.put("Provider", outbound.provider().name());
        fields.put("WABA", outbound.wabaId().value());
        outbound.phoneNumberId().ifPresent(number -> fields.put("From", number));
        String title = outbound.template().map(t -> "Template " + t.name()).orElse("Text message");
        String text = outbound.eventType().map(type -> type.value() + " to " + outbound.recipient())
                .orElse("to " + outbound.recipient());
        return new NotificationMessage(AlertSeverity.INFO, title, text, fields, "/notifications/" + id);
    }
}
