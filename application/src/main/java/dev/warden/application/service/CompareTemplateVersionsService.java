package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.CompareTemplateVersionsUseCase;
import dev.warden.application.port.in.TemplateNotFound;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.TemplateId;
import dev.warden.domain.template.TemplateRepository;
import dev.warden.domain.template.version.TemplateVersionRepository;
import dev.warden.domain.template.version.VersionDiff;
import java.util.Optional;

/** Use case implementation: the structured diff between two versions. */
public final class CompareTemplateVersionsService implements CompareTemplateVersionsUseCase {

    private final TemplateRepository templates;
    private final TemplateVersionRepository versions;
    private final UnitOfWork unitOfWork;

    public CompareTemplateVersionsService(TemplateRepository templates, TemplateVersionRepository versions,
                                          UnitOfWork unitOfWork) {
        this.templates = templates;
        this.versions = versions;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public VersionDiff compareVersions(Actor actor, Optional<OrganizationId> requested, TemplateId templateId,
                                       int from, int to) {
        return unitOfWork.inTransaction(() -> {
            OrganizationId scope = Scopes.of(actor, requested, () -> templates.ownerOf(templateId),
                    () -> new TemplateNotFound(templateId));
            templates.findById(scope, templateId).orElseThrow(() -> new TemplateNotFound(templateId));
            return TemplateVersions.find(versions, scope, templateId, from)
                    .diffTo(TemplateVersions.find(versions, scope, templateId, to));
        });
    }
}
