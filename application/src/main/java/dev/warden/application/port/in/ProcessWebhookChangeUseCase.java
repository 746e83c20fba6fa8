package dev.warden.application.port.in;

import java.time.Instant;
import java.util.Optional;

/** Use case: route, translate and apply the next due changes of the inbox. */
public interface ProcessWebhookChangeUseCase {

    /**
     * Processes the next batch of due changes.
     *
     * @return when the oldest change of the batch was received (how far processing is behind); empty when none was due
     */
    Optional<Instant> processNextBatch();

    /** {@link #processNextBatch()}; false when no change was due. */
    default boolean processNext() {
        return processNextBatch().isPresent();
    }
}
