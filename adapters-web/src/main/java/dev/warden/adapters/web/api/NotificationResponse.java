package dev.warden.adapters.web.api;

import dev.warden.domain.notification.ChannelKind;
import dev.warden.domain.notification.Notification;
import dev.warden.domain.notification.NotificationPreferences;
import dev.warden.domain.sending.OutboundMessage;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A notification as the API shows it; a Slack recipient (a webhook URL, a credential) is masked. Its
 * kind tells an alert notice (ALERT) from a message the business sent its customer (TEMPLATE, TEXT).
 */
@Serdeable
record NotificationResponse(UUID id, String organizationId, @Nullable UUID alertId, String kind, String channel,
                            String recipient, String status, String title, String text, Map<String, String> fields,
                            int attempts, int maxAttempts, Instant createdAt, Instant nextAttemptAt,
                            @Nullable String lastError, @Nullable String providerMessageId,
                            List<AttemptResponse> attemptLog, @Nullable FallbackFromResponse fallbackFrom) {

    @Serdeable
    record AttemptResponse(int number, Instant at, String result, @Nullable String error,
                           @Nullable String providerMessageId) {
    }

    /** The template a send was meant to go out with, when its fallback went instead, and why. */
    @Serdeable
    record FallbackFromResponse(String templateId, String name, String language, String status) {
    }

    static NotificationResponse from(Notification n) {
        String recipient = n.channel() == ChannelKind.SLACK
                ? NotificationPreferences.maskSlackUrl(n.recipient()) : n.recipient();
        String kind = n.outbound().map(o -> o.kind() == OutboundMessage.Kind.TEXT ? "TEXT" : "TEMPLATE")
                .orElse("ALERT");
        return new NotificationResponse(n.id(), n.organizationId().value().toString(), n.alertId().orElse(null),
                kind, n.channel().name(), recipient, n.status().name(), n.message().title(), n.message().text(),
                n.message().fields(), n.attempts(), n.maxAttempts(), n.createdAt(), n.nextAttemptAt(),
                n.lastError().orElse(null), n.providerMessageId().orElse(null),
                n.attemptLog().stream().map(a -> new AttemptResponse(a.number(), a.at(), a.result().name(),
                        a.error().orElse(null), a.providerMessageId().orElse(null))).toList(),
                n.outbound().flatMap(OutboundMessage::fallbackFrom).map(f -> new FallbackFromResponse(
                        f.id().toString(), f.name(), f.language(), f.status().name())).orElse(null));
    }
}
