package dev.warden.application.service;

import dev.warden.application.port.in.SweepUnroutableUseCase;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.application.port.out.WebhookInbox;
import dev.warden.domain.alert.Alerting;
import dev.warden.domain.organization.WabaId;
import dev.warden.domain.organization.WhatsAppAccountRepository;
import java.time.Clock;
import java.time.Instant;

/**
 * Use case implementation: requeue the unroutable changes of every WABA that has an owner now.
 * Reads committed state only, so it catches changes a batch marked unroutable after the WABA's
 * registration had already requeued (see ADR 0007).
 */
public final class SweepUnroutableService implements SweepUnroutableUseCase {

    /** Registered WABAs requeued per sweep; the next sweep takes the rest. */
    static final int WABAS_PER_SWEEP = 500;

    private final WebhookInbox inbox;
    private final WhatsAppAccountRepository accounts;
    private final UnroutableChanges unroutable;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public SweepUnroutableService(WebhookInbox inbox, WhatsAppAccountRepository accounts, Alerting alerting,
                                  UnitOfWork unitOfWork, Clock clock) {
        this.inbox = inbox;
        this.accounts = accounts;
        this.unroutable = new UnroutableChanges(inbox, alerting);
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    @Override
    public int sweep() {
        return unitOfWork.inTransaction(() -> {
            Instant now = clock.instant();
            int requeued = 0;
            for (WabaId waba : inbox.unroutableWabas(WABAS_PER_SWEEP)) {
                if (accounts.findByWabaId(waba).isPresent()) {
                    requeued += unroutable.requeue(waba, now);
                }
            }
            return requeued;
        });
    }
}
