package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.ListTemplateVersionsUseCase;
import dev.warden.application.port.in.TemplateNotFound;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.TemplateId;
import dev.warden.domain.template.TemplateRepository;
import dev.warden.domain.template.version.TemplateVersion;
import dev.warden.domain.template.version.TemplateVersionRepository;
import java.util.List;
import java.util.Optional;

/** Use case implementation: list a template's versions. */
public final class ListTemplateVersionsService implements ListTemplateVersionsUseCase {

    private final TemplateRepository templates;
    private final TemplateVersionRepository versions;
    private final UnitOfWork unitOfWork;

    public ListTemplateVersionsService(TemplateRepository templates, TemplateVersionRepository versions,
                                       UnitOfWork unitOfWork) {
        this.templates = templates;
        this.versions = versions;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public List<TemplateVersion> listVersions(Actor actor, OrganizationId organizationId, TemplateId templateId) {
        OrganizationId scope = actor.organizationFor(Optional.of(organizationId));
        return unitOfWork.inTransaction(() -> {
            templates.findById(scope, templateId).orElseThrow(() -> new TemplateNotFound(templateId));
            return versions.list(scope, templateId);
        });
    }
}
