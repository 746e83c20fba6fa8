package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.GetTemplateVersionUseCase;
import dev.warden.application.port.in.TemplateNotFound;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.TemplateId;
import dev.warden.domain.template.TemplateRepository;
import dev.warden.domain.template.version.TemplateVersion;
import dev.warden.domain.template.version.TemplateVersionRepository;
import java.util.Optional;

/** Use case implementation: read one version of a template. */
public final class GetTemplateVersionService implements GetTemplateVersionUseCase {

    private final TemplateRepository templates;
    private final TemplateVersionRepository versions;
    private final UnitOfWork unitOfWork;

    public GetTemplateVersionService(TemplateRepository templates, TemplateVersionRepository versions,
                                     UnitOfWork unitOfWork) {
        this.templates = templates;
        this.versions = versions;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public TemplateVersion getVersion(Actor actor, Optional<OrganizationId> requested, TemplateId templateId,
                                      int number) {
        return unitOfWork.inTransaction(() -> {
            OrganizationId scope = Scopes.of(actor, requested, () -> templates.ownerOf(templateId),
                    () -> new TemplateNotFound(templateId));
            templates.findById(scope, templateId).orElseThrow(() -> new TemplateNotFound(templateId));
            return TemplateVersions.find(versions, scope, templateId, number);
        });
    }
}
