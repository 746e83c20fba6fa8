package dev.warden.application.port.in;

import java.util.concurrent.CompletionStage;

/** Use case: keep a correctly signed webhook POST durably before it is answered. */
public interface ReceiveWebhookUseCase {

    /**
     * Splits the body and hands it to the store; the receipt comes once it is committed, or the stage fails with
     * {@link dev.warden.application.port.out.DeliveryNotStored} (possibly as the cause of a
     * {@link java.util.concurrent.CompletionException}) when nothing was stored.
     */
    CompletionStage<Receipt> receive(byte[] body, String signature);

    /** Notes a POST refused for its signature: nothing of it is kept (anyone can send one), but operators see the count. */
    void refused(Refusal refusal);

    /** What happened to the POST: stored for processing, or stored for inspection because it is not JSON. */
    record Receipt(long deliveryId, boolean accepted, String problem) {
    }

    /** Why a POST was refused before it was read. */
    enum Refusal {
        SIGNATURE_MISSING,
        SIGNATURE_MISMATCH
    }
}
