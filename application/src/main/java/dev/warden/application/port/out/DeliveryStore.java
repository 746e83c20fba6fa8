package dev.warden.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Outgoing port: keeps a received webhook delivery durably, together with the changes it was
 * split into. Unlike the other ports it commits on its own, so an implementation may commit many
 * concurrent deliveries together (group commit). It answers with a stage that completes once
 * everything is committed, so that no thread waits for the commit while the database works.
 */
public interface DeliveryStore {

    /**
     * Stores the body byte for byte and adds its changes to the inbox, skipping changes already
     * there (same idempotency key). A non-null {@code malformedReason} keeps the body for
     * inspection only, without changes. What the database refuses in one delivery never fails
     * another one stored with it; a change it cannot hold is kept as its
     * {@link NewInboxChange#unstorable stand-in}.
     *
     * @return the delivery's id, once committed; or a stage failed with {@link DeliveryNotStored} (possibly as the
     *     cause of a {@link java.util.concurrent.CompletionException}, as stages report failures) when it could not
     *     be committed; retrying later may succeed. The call itself does not wait for the database.
     */
    CompletionStage<Long> store(byte[] body, String signature, Instant receivedAt, String malformedReason,
               List<NewInboxChange> changes);
}
