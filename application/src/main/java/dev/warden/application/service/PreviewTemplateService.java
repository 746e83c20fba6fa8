package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.PreviewTemplateCommand;
import dev.warden.application.port.in.PreviewTemplateUseCase;
import dev.warden.application.port.in.TemplateNotFound;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.shared.DomainException;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.TemplateId;
import dev.warden.domain.template.TemplateRepository;
import dev.warden.domain.template.TemplateSnapshot;
import dev.warden.domain.template.content.RenderedContent;

/** Use case implementation: render a template's current version with a person's values, as a send would. */
public final class PreviewTemplateService implements PreviewTemplateUseCase {

    private final TemplateRepository templates;
    private final UnitOfWork unitOfWork;

    public PreviewTemplateService(TemplateRepository templates, UnitOfWork unitOfWork) {
        this.templates = templates;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public RenderedContent previewTemplate(Actor actor, PreviewTemplateCommand command) {
        TemplateId templateId = command.templateId();
        TemplateSnapshot template = unitOfWork.inTransaction(() -> {
            OrganizationId scope = Scopes.of(actor, command.organizationId(), () -> templates.ownerOf(templateId),
                    () -> new TemplateNotFound(templateId));
            return templates.findById(scope, templateId).orElseThrow(() -> new TemplateNotFound(templateId))
                    .snapshot();
        });
        return template.content()
                .orElseThrow(() -> new DomainException("template " + templateId
                        + " has no known content yet; reconciliation with Meta will bring it"))
                .render(command.header(), command.body(), command.buttons());
    }
}
