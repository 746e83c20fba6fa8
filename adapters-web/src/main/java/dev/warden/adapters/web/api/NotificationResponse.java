package dev.warden.adapters.web.api;

import dev.warden.domain.notification.ChannelKind;
import dev.warden.domain.notification.Notification;
import dev.warden.domain.notification.NotificationPreferences;
import dev.warden.domain.sending.OutboundMessage;
import dev.warden.domain.sending.SendDelivery;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
                            List<AttemptResponse> attemptLog, @Nullable FallbackFromResponse fallbackFrom,
                            @Nullable DeliveryResponse delivery) {

    @Serdeable
    record AttemptResponse(int number, Instant at, String result, @Nullable String error,
                           @Nullable String providerMessageId) {
    }

    /** The template a send was meant to go out with, when its fallback went instead, and why. */
    @Serdeable
    record FallbackFromResponse(String templateId, String name, String language, String status) {
    }

    /**
     * What the provider's status reports said after it accepted the send: {@code state} SENT (nothing
     * more yet), DELIVERED, READ, or FAILED (with the refusal's class and Meta's words in {@code error});
     * the notification's own {@code status} stays SENT, which is about the hand-over.
     */
    @Serdeable
    record DeliveryResponse(String state, @Nullable Instant deliveredAt, @Nullable Instant readAt,
                            @Nullable Instant failedAt, @Nullable String error, @Nullable PricingResponse pricing) {

        static DeliveryResponse from(SendDelivery d) {
            return new DeliveryResponse(d.state().name(), d.deliveredAt().orElse(null), d.readAt().orElse(null),
                    d.failedAt().orElse(null), d.failure().orElse(null), d.pricing().map(p -> new PricingResponse(
                    p.model().orElse(null), p.category(), p.type().orElse(null), p.billable().orElse(null)))
                    .orElse(null));
        }
    }

    /** As Meta's status reports spell it: {@code model} PMP or CBP, the billed {@code category}, the {@code type}. */
    @Serdeable
    record PricingResponse(@Nullable String model, String category, @Nullable String type,
                           @Nullable Boolean billable) {
    }

    static NotificationResponse from(Notification n) {
        return from(n, Optional.empty());
    }

    static NotificationResponse from(Notification n, Optional<SendDelivery> delivery) {
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
                        f.id().toString(), f.name(), f.language(), f.status().name())).orElse(null),
                delivery.map(DeliveryResponse::from).orElse(null));
    }
}
