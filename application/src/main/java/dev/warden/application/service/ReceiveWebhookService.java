package dev.warden.application.service;

import dev.warden.application.port.in.ReceiveWebhookUseCase;
import dev.warden.application.port.in.WebhookIntakeLoad;
import dev.warden.application.port.out.DeliveryNotStored;
import dev.warden.application.port.out.DeliveryStore;
import dev.warden.application.port.out.MalformedPayload;
import dev.warden.application.port.out.NewInboxChange;
import dev.warden.application.port.out.WebhookEnvelopeReader;
import dev.warden.application.port.out.WebhookMetrics;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Use case implementation: store a signed delivery and its changes durably, then answer;
 * applying the changes happens after the response, from the inbox. A body that is not JSON, or is beyond what one
 * delivery may hold (JSON tokens, changes), is kept for inspection. It counts the receipts in progress ({@link WebhookIntakeLoad}).
 */
public final class ReceiveWebhookService implements ReceiveWebhookUseCase, WebhookIntakeLoad {

    private final WebhookEnvelopeReader envelopes;
    private final DeliveryStore deliveries;
    private final WebhookMetrics metrics;
    private final Clock clock;
    private final AtomicInteger inFlight = new AtomicInteger();

    public ReceiveWebhookService(WebhookEnvelopeReader envelopes, DeliveryStore deliveries, WebhookMetrics metrics,
                                 Clock clock) {
        this.envelopes = envelopes;
        this.deliveries = deliveries;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public CompletionStage<Receipt> receive(byte[] body, String signature) {
        inFlight.incrementAndGet();
        CompletionStage<Receipt> receipt;
        try {
            receipt = store(body, signature);
        } catch (Throwable e) {
            // Even an Error (a body too large for the memory left) must not leave the POST counted in flight.
            receipt = CompletableFuture.failedStage(e);
        }
        return receipt.whenComplete((stored, failure) -> {
            inFlight.decrementAndGet();
            if (failure instanceof DeliveryNotStored
                    || failure instanceof CompletionException && failure.getCause() instanceof DeliveryNotStored) {
                metrics.delivery(WebhookMetrics.Delivery.NOT_STORED);
            }
        });
    }

    @Override
    public void refused(Refusal refusal) {
        metrics.delivery(switch (refusal) {
            case SIGNATURE_MISSING -> WebhookMetrics.Delivery.SIGNATURE_MISSING;
            case SIGNATURE_MISMATCH -> WebhookMetrics.Delivery.SIGNATURE_MISMATCH;
        });
    }

    @Override
    public int inFlight() {
        return inFlight.get();
    }

    private CompletionStage<Receipt> store(byte[] body, String signature) {
        List<NewInboxChange> changes = List.of();
        String problem = null;
        try {
            changes = envelopes.split(body);
        } catch (MalformedPayload e) {
            problem = e.getMessage();
        }
        String malformed = problem;
        return deliveries.store(body, signature, clock.instant(), problem, changes).thenApply(id -> {
            metrics.delivery(malformed == null ? WebhookMetrics.Delivery.ACCEPTED : WebhookMetrics.Delivery.MALFORMED);
            return new Receipt(id, malformed == null, malformed);
        });
    }
}
