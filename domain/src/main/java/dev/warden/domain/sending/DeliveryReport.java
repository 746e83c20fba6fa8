package dev.warden.domain.sending;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One status the provider reported for a message it accepted: its id for the message (Meta's
 * {@code wamid}), the state and when, how it is billed, and for a failure what the refusal is.
 *
 * @param failure the refusal and the provider's words, for {@link DeliveryState#FAILED} only
 */
public record DeliveryReport(String providerMessageId, DeliveryState state, Instant at, Optional<Pricing> pricing,
                             Optional<Failure> failure) {

    /** Why a send failed after it was accepted, sorted like a refusal of the call itself. */
    public record Failure(SendRefusal refusal, String error) {
        public Failure {
            Objects.requireNonNull(refusal, "refusal");
            Objects.requireNonNull(error, "error");
        }

        /** As the send's last error reads a synchronous refusal: the class, its scope, the provider's words. */
        public String describe() {
            return refusal + " (" + refusal.scope().name().toLowerCase() + "): " + error;
        }
    }

    public DeliveryReport {
        Objects.requireNonNull(providerMessageId, "providerMessageId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(pricing, "pricing");
        Objects.requireNonNull(failure, "failure");
        if (failure.isPresent() && state != DeliveryState.FAILED) {
            throw new IllegalArgumentException("only a FAILED report carries a failure");
        }
    }
}
