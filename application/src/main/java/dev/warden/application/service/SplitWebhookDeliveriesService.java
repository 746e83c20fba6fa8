package dev.warden.application.service;

import dev.warden.application.port.in.SplitWebhookDeliveriesUseCase;
import dev.warden.application.port.out.StoredDelivery;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.application.port.out.WebhookEnvelopeReader;
import dev.warden.application.port.out.WebhookInbox;
import java.util.List;

/**
 * Use case implementation: split a stored delivery into its changes. A change already in the
 * inbox (the same content arrived before, alone or in another batch) is not added again.
 */
public final class SplitWebhookDeliveriesService implements SplitWebhookDeliveriesUseCase {

    private final WebhookEnvelopeReader envelopes;
    private final WebhookInbox inbox;
    private final UnitOfWork unitOfWork;

    public SplitWebhookDeliveriesService(WebhookEnvelopeReader envelopes, WebhookInbox inbox, UnitOfWork unitOfWork) {
        this.envelopes = envelopes;
        this.inbox = inbox;
        this.unitOfWork = unitOfWork;
    }

    static final int BATCH = 50;

    @Override
    public boolean splitNext() {
        return unitOfWork.inTransaction(() -> {
            List<StoredDelivery> deliveries = inbox.claimDeliveriesToSplit(BATCH);
            if (deliveries.isEmpty()) {
                return false;
            }
            inbox.addChanges(deliveries.stream().map(delivery -> new WebhookInbox.SplitDelivery(delivery.id(),
                    delivery.receivedAt(), envelopes.split(delivery.body()))).toList());
            return true;
        });
    }
}
