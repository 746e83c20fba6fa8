package dev.warden.domain.sending;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** What one provider call for one {@link OutboundMessage} came to. */
public sealed interface SendResult {

    /** The provider took it (acceptance, not delivery): trying again would send it twice. */
    record Accepted(Optional<String> providerMessageId) implements SendResult {
        public Accepted {
            Objects.requireNonNull(providerMessageId, "providerMessageId");
        }
    }

    /**
     * @param error     what the provider said, with its code; never a credential
     * @param notBefore the provider's own pace, for a retryable refusal
     */
    record Refused(SendRefusal refusal, String error, Optional<Duration> notBefore) implements SendResult {
        public Refused {
            Objects.requireNonNull(refusal, "refusal");
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(notBefore, "notBefore");
        }
    }
}
