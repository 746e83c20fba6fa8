package dev.warden.application.port.out;

import java.time.Instant;
import java.util.Objects;

/**
 * A change split out of a delivery, keyed by a hash of its content: Meta sends no event id, so
 * the same change in a redelivery, alone or in another batch, gets the same key.
 */
public record NewInboxChange(String idempotencyKey, String objectType, String wabaId, String field,
                             Instant entryTime, String value) {

    public NewInboxChange {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(value, "value");
    }
}
