package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.CompareTemplateVersionsUseCase;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.shared.NotFound;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.TemplateId;
import dev.warden.domain.template.version.TemplateVersion;
import dev.warden.domain.template.version.TemplateVersionRepository;
import dev.warden.domain.template.version.VersionDiff;

/** Use case implementation: the structured diff between two versions. */
public final class CompareTemplateVersionsService implements CompareTemplateVersionsUseCase {

    private final TemplateVersionRepository versions;
    private final UnitOfWork unitOfWork;

    public CompareTemplateVersionsService(TemplateVersionRepository versions, UnitOfWork unitOfWork) {
        this.versions = versions;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public VersionDiff compareVersions(Actor actor, OrganizationId organizationId, TemplateId templateId, int from,
                                       int to) {
        OrganizationId scope = actor.organizationFor(java.util.Optional.of(organizationId));
        return unitOfWork.inTransaction(() -> version(scope, templateId, from).diffTo(version(scope, templateId, to)));
    }

    private TemplateVersion version(OrganizationId organizationId, TemplateId templateId, int number) {
        return versions.find(organizationId, templateId, number)
                .orElseThrow(() -> new NotFound("version", "v" + number + " of template " + templateId));
    }
}
