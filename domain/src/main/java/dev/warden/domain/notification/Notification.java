package dev.warden.domain.notification;

import dev.warden.domain.sending.OutboundMessage;
import dev.warden.domain.shared.OrganizationId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One message to one recipient over one channel, as the outbox holds it.
 *
 * @param dedupeKey  the same cause, channel and recipient give the same key, so racing writers store it once
 * @param attempts   tries started so far (a try whose result was never recorded counts too)
 * @param attemptLog the tries with their outcome, oldest first (empty where not read)
 * @param outbound   for a message the business sends its customer (a template or a text), what goes out;
 *                   empty for an alert notice, which its channel formats from {@code message}
 */
public record Notification(UUID id, OrganizationId organizationId, Optional<UUID> alertId, String dedupeKey,
                           ChannelKind channel, String recipient, NotificationMessage message,
                           NotificationStatus status, int attempts, int maxAttempts, Instant createdAt,
                           Instant nextAttemptAt, Optional<String> lastError, Optional<String> providerMessageId,
                           List<Attempt> attemptLog, Optional<OutboundMessage> outbound) {

    /** One try: when, how it ended, what the provider said. */
    public record Attempt(int number, Instant at, NotificationStatus result, Optional<String> error,
                          Optional<String> providerMessageId) {
    }

    public Notification {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(dedupeKey, "dedupeKey");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        Objects.requireNonNull(lastError, "lastError");
        Objects.requireNonNull(providerMessageId, "providerMessageId");
        attemptLog = List.copyOf(attemptLog);
        Objects.requireNonNull(outbound, "outbound");
    }

    /** An alert notice: no outbound message. */
    public Notification(UUID id, OrganizationId organizationId, Optional<UUID> alertId, String dedupeKey,
                        ChannelKind channel, String recipient, NotificationMessage message, NotificationStatus status,
                        int attempts, int maxAttempts, Instant createdAt, Instant nextAttemptAt,
                        Optional<String> lastError, Optional<String> providerMessageId, List<Attempt> attemptLog) {
        this(id, organizationId, alertId, dedupeKey, channel, recipient, message, status, attempts, maxAttempts,
                createdAt, nextAttemptAt, lastError, providerMessageId, attemptLog, Optional.empty());
    }

    public static Notification queue(OrganizationId organizationId, Optional<UUID> alertId, String dedupeKey,
                                     ChannelKind channel, String recipient, NotificationMessage message,
                                     int maxAttempts, Instant now) {
        return new Notification(UUID.randomUUID(), organizationId, alertId, dedupeKey, channel, recipient, message,
                NotificationStatus.QUEUED, 0, maxAttempts, now, now, Optional.empty(), Optional.empty(), List.of());
    }

    /**
     * A message to a customer, over WhatsApp through the provider the message names. The dedupe key is
     * what makes it exactly one: the caller's idempotency key, prefixed by the kind of cause.
     */
    public static Notification send(OrganizationId organizationId, String dedupeKey, OutboundMessage outbound,
                                    int maxAttempts, Instant now) {
        UUID id = UUID.randomUUID();
        return new Notification(id, organizationId, Optional.empty(), dedupeKey, ChannelKind.WHATSAPP,
                outbound.recipient().value(), NotificationMessage.describing(outbound, id), NotificationStatus.QUEUED,
                0, maxAttempts, now, now, Optional.empty(), Optional.empty(), List.of(), Optional.of(outbound));
    }

    /**
     * The same send, with its message's template chosen again right before the call (a campaign's send), and
     * described by it.
     */
    public Notification sending(OutboundMessage chosen) {
        return new Notification(id, organizationId, alertId, dedupeKey, channel, recipient,
                NotificationMessage.describing(chosen, id), status, attempts,
                maxAttempts, createdAt, nextAttemptAt, lastError, providerMessageId, attemptLog, Optional.of(chosen));
    }

    /**
     * Where the outcome of a try leads: SENT, FAILED for a refusal, SKIPPED, DEAD once the attempts are
     * spent, else RETRYING; a held send (not tried) waits as it did before its claim counted an attempt.
     */
    public NotificationStatus after(DeliveryOutcome outcome) {
        if (outcome instanceof DeliveryOutcome.Sent) {
            return NotificationStatus.SENT;
        }
        if (outcome instanceof DeliveryOutcome.Held) {
            return attempts > 1 ? NotificationStatus.RETRYING : NotificationStatus.QUEUED;
        }
        if (outcome instanceof DeliveryOutcome.Skipped) {
            return NotificationStatus.SKIPPED;
        }
        if (outcome instanceof DeliveryOutcome.Permanent) {
            return NotificationStatus.FAILED;
        }
        return attempts >= maxAttempts ? NotificationStatus.DEAD : NotificationStatus.RETRYING;
    }
}
