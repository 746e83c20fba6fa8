package dev.warden.application.port.in;

/** Use case: keep a correctly signed webhook POST durably before it is answered. */
public interface ReceiveWebhookUseCase {

    Receipt receive(byte[] body, String signature);

    /** What happened to the POST: stored for processing, or stored for inspection because it is not JSON. */
    record Receipt(long deliveryId, boolean accepted, String problem) {
    }
}
