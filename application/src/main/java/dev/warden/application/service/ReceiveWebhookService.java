package dev.warden.application.service;

import dev.warden.application.port.in.ReceiveWebhookUseCase;
import dev.warden.application.port.out.DeliveryStore;
import dev.warden.application.port.out.MalformedPayload;
import dev.warden.application.port.out.WebhookEnvelopeReader;
import java.time.Clock;

/**
 * Use case implementation: store a signed delivery durably and answer; everything else
 * happens after the response, from the inbox. A body that is not JSON is kept for inspection.
 */
public final class ReceiveWebhookService implements ReceiveWebhookUseCase {

    private final WebhookEnvelopeReader envelopes;
    private final DeliveryStore deliveries;
    private final Clock clock;

    public ReceiveWebhookService(WebhookEnvelopeReader envelopes, DeliveryStore deliveries, Clock clock) {
        this.envelopes = envelopes;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    @Override
    public Receipt receive(byte[] body, String signature) {
        String problem = null;
        try {
            envelopes.requireWellFormed(body);
        } catch (MalformedPayload e) {
            problem = e.getMessage();
        }
        String malformed = problem;
        long id = deliveries.store(body, signature, clock.instant(), malformed);
        return new Receipt(id, malformed == null, malformed);
    }
}
