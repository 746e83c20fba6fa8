package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.ReplayDeadLetterUseCase;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.application.port.out.WebhookInbox;
import dev.warden.domain.shared.NotFound;
import java.time.Clock;

/** Use case implementation: put a dead change back in the inbox with a fresh attempt count. */
public final class ReplayDeadLetterService implements ReplayDeadLetterUseCase {

    private final WebhookInbox inbox;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public ReplayDeadLetterService(WebhookInbox inbox, UnitOfWork unitOfWork, Clock clock) {
        this.inbox = inbox;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    @Override
    public void replay(Actor actor, long changeId) {
        actor.requireSuperAdmin();
        if (!unitOfWork.inTransaction(() -> inbox.replay(changeId, clock.instant()))) {
            throw new NotFound("dead letter", changeId);
        }
    }
}
