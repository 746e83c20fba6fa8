package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.RollbackTemplateUseCase;
import dev.warden.application.port.in.TemplateNotFound;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.MessageTemplate;
import dev.warden.domain.template.TemplateHistory;
import dev.warden.domain.template.TemplateId;
import dev.warden.domain.template.TemplateRepository;
import dev.warden.domain.template.version.EditPolicy;
import dev.warden.domain.template.version.TemplateVersion;
import dev.warden.domain.template.version.TemplateVersionRepository;
import java.time.Clock;
import java.util.Optional;

/** Use case implementation: roll back to an earlier version; the rollback is itself a new version. */
public final class RollbackTemplateService implements RollbackTemplateUseCase {

    private final TemplateRepository templates;
    private final TemplateVersionRepository versions;
    private final TemplateHistory history;
    private final EditPolicy editPolicy;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public RollbackTemplateService(TemplateRepository templates, TemplateVersionRepository versions,
                                   TemplateHistory history, EditPolicy editPolicy, UnitOfWork unitOfWork,
                                   Clock clock) {
        this.templates = templates;
        this.versions = versions;
        this.history = history;
        this.editPolicy = editPolicy;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    @Override
    public TemplateVersion rollbackTemplate(Actor actor, Optional<OrganizationId> requested, TemplateId templateId,
                                            int toVersion) {
        return unitOfWork.inTransaction(() -> {
            OrganizationId organizationId = Scopes.of(actor, requested, () -> templates.ownerOf(templateId),
                    () -> new TemplateNotFound(templateId));
            MessageTemplate template = templates.findById(organizationId, templateId)
                    .orElseThrow(() -> new TemplateNotFound(templateId));
            actor.requireWrite(organizationId);
            TemplateVersion target = TemplateVersions.find(versions, organizationId, templateId, toVersion);
            return TemplateVersions.store(template.rollbackTo(target, actor.username(), editPolicy, clock.instant()),
                    template, templates, versions, history);
        });
    }
}
