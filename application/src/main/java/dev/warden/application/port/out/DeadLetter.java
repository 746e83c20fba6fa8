package dev.warden.application.port.out;

import java.time.Instant;

/** A change that failed for good, kept with its last error until someone replays it. */
public record DeadLetter(long id, long deliveryId, String wabaId, String field, Instant entryTime, String value,
                         int attempts, String lastError, Instant receivedAt) {
}
