package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.ListCategoryChangesUseCase;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.shared.Page;
import dev.warden.domain.shared.PageRequest;
import dev.warden.domain.template.HistoryKind;
import dev.warden.domain.template.TemplateHistory;
import dev.warden.domain.template.TemplateHistoryEntry;
import java.util.Optional;

/** Use case implementation: the category history of the actor's organisation (a super admin's: any or all). */
public final class ListCategoryChangesService implements ListCategoryChangesUseCase {

    private final TemplateHistory history;
    private final UnitOfWork unitOfWork;

    public ListCategoryChangesService(TemplateHistory history, UnitOfWork unitOfWork) {
        this.history = history;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public Page<TemplateHistoryEntry> listCategoryChanges(Actor actor, Optional<OrganizationId> organizationId,
                                                          PageRequest page) {
        Optional<OrganizationId> scope = actor.readScope(organizationId);
        return unitOfWork.inTransaction(() -> history.listOfKind(scope, Optional.empty(), HistoryKind.CATEGORY, page));
    }
}
