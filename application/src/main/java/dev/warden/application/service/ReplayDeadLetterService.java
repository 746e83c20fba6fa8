package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.PlatformOrganization;
import dev.warden.application.port.in.ReplayDeadLetterUseCase;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.application.port.out.WebhookInbox;
import dev.warden.domain.audit.AuditAction;
import dev.warden.domain.audit.AuditResource;
import dev.warden.domain.audit.AuditTrail;
import dev.warden.domain.shared.NotFound;
import java.time.Clock;
import java.util.Map;

/** Use case implementation: put a dead change back in the inbox with a fresh attempt count. */
public final class ReplayDeadLetterService implements ReplayDeadLetterUseCase {

    private final WebhookInbox inbox;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final AdminAudit audit;

    public ReplayDeadLetterService(WebhookInbox inbox, UnitOfWork unitOfWork, AuditTrail audit, Clock clock) {
        this.inbox = inbox;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.audit = new AdminAudit(audit, clock);
    }

    @Override
    public void replay(Actor actor, long changeId) {
        actor.requireSuperAdmin();
        boolean replayed = unitOfWork.inTransaction(() -> {
            if (!inbox.replay(changeId, clock.instant())) {
                return false;
            }
            audit.record(actor, PlatformOrganization.ID, AuditAction.DEAD_LETTER_REPLAYED,
                    AuditResource.of(AuditResource.Kind.DEAD_LETTER, changeId), Map.of("state", "DEAD"),
                    Map.of("state", "PENDING"));
            return true;
        });
        if (!replayed) {
            throw new NotFound("dead letter", changeId);
        }
    }
}
