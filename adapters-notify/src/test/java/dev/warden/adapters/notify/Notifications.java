package dev.warden.adapters.notify;

import dev.warden.domain.alert.AlertSeverity;
import dev.warden.domain.notification.ChannelKind;
import dev.warden.domain.notification.Notification;
import dev.warden.domain.notification.NotificationMessage;
import dev.warden.domain.shared.OrganizationId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Notifications as the dispatcher hands them to a channel. */
public final class Notifications {

    private Notifications() {
    }

    public static Notification to(ChannelKind channel, String recipient) {
        return to(channel, recipient, "CRITICAL: QUALITY_DEGRADED", "quality of template order_update is RED & falling");
    }

    public static Notification to(ChannelKind channel, String recipient, String title, String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Severity", "CRITICAL");
        fields.put("Template", "order_update <en>");
        NotificationMessage message = new NotificationMessage(AlertSeverity.CRITICAL, title, text, fields, "/alerts/" + UUID.randomUUID());
        return Notification.queue(OrganizationId.random(), Optional.of(UUID.randomUUID()), "key", channel, recipient,
                message, 3, Instant.parse("2026-12-01T10:00:00Z"));
    }
}
