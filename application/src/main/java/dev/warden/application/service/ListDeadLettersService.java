package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.ListDeadLettersUseCase;
import dev.warden.application.port.out.DeadLetter;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.application.port.out.WebhookInbox;
import dev.warden.domain.shared.Page;
import dev.warden.domain.shared.PageRequest;

/** Use case implementation: list dead webhook changes. */
public final class ListDeadLettersService implements ListDeadLettersUseCase {

    private final WebhookInbox inbox;
    private final UnitOfWork unitOfWork;

    public ListDeadLettersService(WebhookInbox inbox, UnitOfWork unitOfWork) {
        this.inbox = inbox;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public Page<DeadLetter> listDeadLetters(Actor actor, PageRequest page) {
        actor.requireSuperAdmin();
        return unitOfWork.inTransaction(() -> inbox.deadLetters(page));
    }
}
