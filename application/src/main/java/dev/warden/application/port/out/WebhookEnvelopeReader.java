package dev.warden.application.port.out;

import java.util.List;

/** Outgoing port: reads Meta's webhook envelope (implemented in adapters-meta, where Meta's format lives). */
public interface WebhookEnvelopeReader {

    /**
     * Every change of every entry, each with its content-derived idempotency key.
     *
     * @throws MalformedPayload when the body is not JSON, or carries more changes than one delivery may
     */
    List<NewInboxChange> split(byte[] body);
}
