package dev.warden.application.port.in;

import java.util.Optional;

/** Use case: route, translate and apply the next due changes of the inbox. */
public interface ProcessWebhookChangeUseCase {

    /**
     * Processes the next batch of due changes.
     *
     * @return the batch processed; empty when none was due
     */
    Optional<ProcessedBatch> processNextBatch();

    /** {@link #processNextBatch()}; false when no change was due. */
    default boolean processNext() {
        return processNextBatch().isPresent();
    }
}
