package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.ListTemplatesUseCase;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.shared.Page;
import dev.warden.domain.shared.PageRequest;
import dev.warden.domain.template.TemplateFilter;
import dev.warden.domain.template.TemplateRepository;
import dev.warden.domain.template.TemplateSnapshot;

/** Use case implementation: list templates within the actor's scope. */
public final class ListTemplatesService implements ListTemplatesUseCase {

    private final TemplateRepository templates;
    private final UnitOfWork unitOfWork;

    public ListTemplatesService(TemplateRepository templates, UnitOfWork unitOfWork) {
        this.templates = templates;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public Page<TemplateSnapshot> listTemplates(Actor actor, TemplateFilter filter, PageRequest page) {
        TemplateFilter scoped = new TemplateFilter(actor.readScope(filter.organizationId()), filter.wabaId(),
                filter.metaTemplateId(), filter.name(), filter.status(), filter.quality(), filter.category(),
                filter.sort());
        return unitOfWork.inTransaction(() -> templates.list(scoped, page));
    }
}
