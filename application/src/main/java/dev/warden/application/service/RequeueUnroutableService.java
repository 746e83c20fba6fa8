package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.PlatformOrganization;
import dev.warden.application.port.in.RequeueUnroutableUseCase;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.application.port.out.WebhookInbox;
import dev.warden.domain.audit.AuditAction;
import dev.warden.domain.audit.AuditResource;
import dev.warden.domain.audit.AuditTrail;
import dev.warden.domain.alert.Alerting;
import dev.warden.domain.organization.WabaId;
import java.time.Clock;
import java.util.Map;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Use case implementation: a super admin puts unroutable changes back into the inbox. */
public final class RequeueUnroutableService implements RequeueUnroutableUseCase {

    private final WebhookInbox inbox;
    private final UnroutableChanges unroutable;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final AdminAudit audit;

    public RequeueUnroutableService(WebhookInbox inbox, Alerting alerting, UnitOfWork unitOfWork, AuditTrail audit, Clock clock) {
        this.inbox = inbox;
        this.unroutable = new UnroutableChanges(inbox, alerting);
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.audit = new AdminAudit(audit, clock);
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
            audit.record(actor, PlatformOrganization.ID, AuditAction.UNROUTABLE_CHANGES_REQUEUED,
                    AuditResource.of(AuditResource.Kind.UNROUTABLE_CHANGES,
                            wabaId.map(WabaId::value).orElse("every WABA")),
                    Map.of(), Map.of("requeued", String.valueOf(requeued)));
            return requeued;
        });
    }
}
