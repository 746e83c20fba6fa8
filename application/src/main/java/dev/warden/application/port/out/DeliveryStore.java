package dev.warden.application.port.out;

import java.time.Instant;

/**
 * Outgoing port: keeps a received webhook delivery durably. Unlike the other ports it commits on
 * its own, so an implementation may commit many concurrent deliveries together (group commit);
 * it returns only once the delivery is committed.
 */
public interface DeliveryStore {

    /**
     * Stores the body byte for byte; a non-null {@code malformedReason} keeps it for inspection only.
     *
     * @return the delivery's id, once committed
     */
    long store(byte[] body, String signature, Instant receivedAt, String malformedReason);
}
