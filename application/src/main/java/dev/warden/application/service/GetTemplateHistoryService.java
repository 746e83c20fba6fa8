package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.GetTemplateHistoryUseCase;
import dev.warden.application.port.in.TemplateNotFound;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.shared.Page;
import dev.warden.domain.shared.PageRequest;
import dev.warden.domain.template.TemplateHistory;
import dev.warden.domain.template.TemplateHistoryEntry;
import dev.warden.domain.template.TemplateId;
import dev.warden.domain.template.TemplateRepository;
import java.util.Optional;

/** Use case implementation: a template's history; an unknown or foreign template is not found. */
public final class GetTemplateHistoryService implements GetTemplateHistoryUseCase {

    private final TemplateRepository templates;
    private final TemplateHistory history;
    private final UnitOfWork unitOfWork;

    public GetTemplateHistoryService(TemplateRepository templates, TemplateHistory history, UnitOfWork unitOfWork) {
        this.templates = templates;
        this.history = history;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public Page<TemplateHistoryEntry> getHistory(Actor actor, Optional<OrganizationId> organizationId,
                                                 TemplateId templateId, PageRequest page) {
        return unitOfWork.inTransaction(() -> {
            OrganizationId scope = Scopes.of(actor, organizationId, () -> templates.ownerOf(templateId),
                    () -> new TemplateNotFound(templateId));
            templates.findById(scope, templateId).orElseThrow(() -> new TemplateNotFound(templateId));
            return history.list(scope, templateId, page);
        });
    }
}
