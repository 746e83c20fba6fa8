package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.RollbackTemplateUseCase;
import dev.warden.application.port.in.TemplateNotFound;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.audit.AuditAction;
import dev.warden.domain.audit.AuditResource;
import dev.warden.domain.audit.AuditTrail;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.ChangeOutcome;
import dev.warden.domain.template.MessageTemplate;
import dev.warden.domain.template.TemplateHistory;
import dev.warden.domain.template.TemplateId;
import dev.warden.domain.template.TemplateRepository;
import dev.warden.domain.template.TemplateSnapshot;
import dev.warden.domain.template.version.EditPolicy;
import dev.warden.domain.template.version.TemplateVersion;
import dev.warden.domain.template.version.TemplateVersionRepository;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Use case implementation: roll back to an earlier version; the rollback is itself a new version. */
public final class RollbackTemplateService implements RollbackTemplateUseCase {

    private final TemplateRepository templates;
    private final TemplateVersionRepository versions;
    private final TemplateHistory history;
    private final EditPolicy editPolicy;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final AdminAudit audit;

    public RollbackTemplateService(TemplateRepository templates, TemplateVersionRepository versions,
                                   TemplateHistory history, EditPolicy editPolicy, UnitOfWork unitOfWork,
                                   AuditTrail audit, Clock clock) {
        this.templates = templates;
        this.versions = versions;
        this.history = history;
        this.editPolicy = editPolicy;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.audit = new AdminAudit(audit, clock);
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
            TemplateSnapshot before = template.snapshot();
            ChangeOutcome outcome = template.rollbackTo(target, actor.username(), editPolicy, clock.instant());
            if (outcome.newVersion().isPresent()) {
                Map<String, String> after = new LinkedHashMap<>(AdminAudit.facts(template.snapshot()));
                after.put("rolledBackTo", "v" + toVersion);
                audit.record(actor, organizationId, AuditAction.TEMPLATE_ROLLED_BACK,
                        AuditResource.of(AuditResource.Kind.TEMPLATE, templateId), AdminAudit.facts(before), after);
            }
            return TemplateVersions.store(outcome, template, templates, versions, history);
        });
    }
}
