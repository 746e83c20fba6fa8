package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.GetTemplateUseCase;
import dev.warden.application.port.in.TemplateNotFound;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.MessageTemplate;
import dev.warden.domain.template.TemplateId;
import dev.warden.domain.template.TemplateRepository;
import dev.warden.domain.template.TemplateSnapshot;
import java.util.Optional;

/** Use case implementation: read one template. */
public final class GetTemplateService implements GetTemplateUseCase {

    private final TemplateRepository templates;
    private final UnitOfWork unitOfWork;

    public GetTemplateService(TemplateRepository templates, UnitOfWork unitOfWork) {
        this.templates = templates;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public TemplateSnapshot getTemplate(Actor actor, Optional<OrganizationId> organizationId, TemplateId templateId) {
        return unitOfWork.inTransaction(() -> {
            OrganizationId scope = Scopes.of(actor, organizationId, () -> templates.ownerOf(templateId),
                    () -> new TemplateNotFound(templateId));
            return templates.findById(scope, templateId);
        }).map(MessageTemplate::snapshot).orElseThrow(() -> new TemplateNotFound(templateId));
    }
}
