package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.GetCategoryInfoUseCase;
import dev.warden.application.port.in.TemplateNotFound;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.CategoryInfo;
import dev.warden.domain.template.MessageTemplate;
import dev.warden.domain.template.TemplateHistory;
import dev.warden.domain.template.TemplateId;
import dev.warden.domain.template.TemplateRepository;
import java.util.Optional;

/** Use case implementation: a template's category facts; an unknown or foreign template is not found. */
public final class GetCategoryInfoService implements GetCategoryInfoUseCase {

    private final TemplateRepository templates;
    private final CategoryInfoReader reader;
    private final UnitOfWork unitOfWork;

    public GetCategoryInfoService(TemplateRepository templates, TemplateHistory history, UnitOfWork unitOfWork) {
        this.templates = templates;
        this.reader = new CategoryInfoReader(history);
        this.unitOfWork = unitOfWork;
    }

    @Override
    public CategoryInfo getCategoryInfo(Actor actor, Optional<OrganizationId> organizationId, TemplateId templateId) {
        return unitOfWork.inTransaction(() -> {
            OrganizationId scope = Scopes.of(actor, organizationId, () -> templates.ownerOf(templateId),
                    () -> new TemplateNotFound(templateId));
            MessageTemplate template = templates.findById(scope, templateId)
                    .orElseThrow(() -> new TemplateNotFound(templateId));
            return reader.read(template.snapshot());
        });
    }
}
