package dev.warden.application.port.out;

import java.time.Instant;
import java.util.Objects;

/**
 * One change of a stored webhook delivery, as the inbox keeps it until it is processed.
 *
 * @param wabaId    {@code entry[].id} as received; null when the entry had none
 * @param entryTime {@code entry[].time}; null when absent (Meta leaves it out on messages)
 * @param value     the change's {@code value} as JSON text
 * @param attempts  how often processing failed so far
 */
public record InboxChange(long id, long deliveryId, String objectType, String wabaId, String field,
                         Instant entryTime, String value, Instant receivedAt, int attempts) {

    public InboxChange {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    /** When Meta says the change happened, or when Warden received it if Meta did not say. */
    public Instant occurredAt() {
        return entryTime != null ? entryTime : receivedAt;
    }
}
