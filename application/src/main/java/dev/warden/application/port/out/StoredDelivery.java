package dev.warden.application.port.out;

import java.time.Instant;

/** A webhook POST exactly as received, waiting to be split into its changes. */
public record StoredDelivery(long id, byte[] body, Instant receivedAt) {
}
