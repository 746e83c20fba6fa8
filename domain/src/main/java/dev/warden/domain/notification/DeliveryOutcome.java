package dev.warden.domain.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What one try at a channel came to. Each channel sorts its provider's answers into these three
 * (docs/adr/0011): accepted, worth another try (network, 5xx, 429), or refused for good.
 */
public sealed interface DeliveryOutcome {

    /** @param providerMessageId the provider's id for the message, or the Message-ID Warden set */
    record Sent(Optional<String> providerMessageId) implements DeliveryOutcome {
        public Sent {
            Objects.requireNonNull(providerMessageId, "providerMessageId");
        }
    }

    /** @param notBefore the provider's own pace (Retry-After), a floor under the backoff */
    record Retryable(String error, Optional<Duration> notBefore) implements DeliveryOutcome {
        public Retryable {
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(notBefore, "notBefore");
        }
    }

    /**
     * @param channelBroken the channel itself cannot send (wallet empty, account disabled, webhook
     *                      revoked): people hear of it on the other channels
     */
    record Permanent(String error, boolean channelBroken) implements DeliveryOutcome {
        public Permanent {
            Objects.requireNonNull(error, "error");
        }
    }

    /**
     * Not tried: its campaign stopped running between the claim and the call, or a block that ends (a
     * cool-down, a stopped WABA) stands in its way. The send waits again, as if never claimed (no attempt
     * counted), until the campaign runs, and not before {@code notBefore}.
     */
    record Held(Optional<Instant> notBefore) implements DeliveryOutcome {
        public Held {
            Objects.requireNonNull(notBefore, "notBefore");
        }

        public Held() {
            this(Optional.empty());
        }
    }

    /** Not sent, by Warden's own rule, before any call: the send is settled as SKIPPED (see {@link NotificationStatus}). */
    record Skipped(String reason) implements DeliveryOutcome {
        public Skipped {
            Objects.requireNonNull(reason, "reason");
        }
    }

    static DeliveryOutcome sent(String providerMessageId) {
        return new Sent(Optional.ofNullable(providerMessageId));
    }

    static DeliveryOutcome retryable(String error) {
        return new Retryable(error, Optional.empty());
    }

    static DeliveryOutcome permanent(String error) {
        return new Permanent(error, false);
    }
}
