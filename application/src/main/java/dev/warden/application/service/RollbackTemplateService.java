package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.RollbackTemplateUseCase;
import dev.warden.application.port.out.MetaTemplateSubmission;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.audit.AuditAction;
import dev.warden.domain.audit.AuditTrail;
import dev.warden.domain.shared.DomainEventPublisher;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.TemplateId;
import dev.warden.domain.template.version.EditPolicy;
import dev.warden.domain.template.version.TemplateVersion;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/** Use case implementation: roll back to an earlier version; the rollback is itself a new version, an edit like any other. */
public final class RollbackTemplateService implements RollbackTemplateUseCase {

    private final MetaEdits edits;
    private final GovernancePorts governance;
    private final EditPolicy editPolicy;

    public RollbackTemplateService(MetaTemplateSubmission meta, GovernancePorts governance, EditPolicy editPolicy,
                                   UnitOfWork unitOfWork, DomainEventPublisher publisher, AuditTrail audit,
                                   Clock clock) {
        this.edits = new MetaEdits(meta, governance, unitOfWork, publisher, audit, clock);
        this.governance = governance;
        this.editPolicy = editPolicy;
    }

    @Override
    public TemplateVersion rollbackTemplate(Actor actor, Optional<OrganizationId> requested, TemplateId templateId,
                                            int toVersion) {
        return edits.edit(actor, requested, templateId,
                (template, now) -> template.rollbackTo(TemplateVersions.find(governance.versions(),
                        template.organizationId(), templateId, toVersion), actor.username(), editPolicy, now),
                new MetaEdits.Audited(AuditAction.TEMPLATE_ROLLED_BACK, Map.of("rolledBackTo", "v" + toVersion)));
    }
}
