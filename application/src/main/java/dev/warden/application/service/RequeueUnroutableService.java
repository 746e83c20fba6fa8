package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.RequeueUnroutableUseCase;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.application.port.out.WebhookInbox;
import dev.warden.domain.alert.Alerting;
import dev.warden.domain.organization.WabaId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Use case implementation: a super admin puts unroutable changes back into the inbox. */
public final class RequeueUnroutableService implements RequeueUnroutableUseCase {

    private final WebhookInbox inbox;
    private final UnroutableChanges unroutable;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public RequeueUnroutableService(WebhookInbox inbox, Alerting alerting, UnitOfWork unitOfWork, Clock clock) {
        this.inbox = inbox;
        this.unroutable = new UnroutableChanges(inbox, alerting);
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    @Override
    public int requeueUnroutable(Actor actor, Optional<WabaId> wabaId) {
        actor.requireSuperAdmin();
        return unitOfWork.inTransaction(() -> {
            Instant now = clock.instant();
            List<WabaId> wabas = wabaId.map(List::of).orElseGet(() -> inbox.unroutableWabas(Integer.MAX_VALUE));
            int requeued = 0;
            for (WabaId waba : wabas) {
                requeued += unroutable.requeue(waba, now);
            }
            return requeued;
        });
    }
}
