package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.EditTemplateCommand;
import dev.warden.application.port.in.EditTemplateUseCase;
import dev.warden.application.port.in.TemplateNotFound;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.audit.AuditAction;
import dev.warden.domain.audit.AuditResource;
import dev.warden.domain.audit.AuditTrail;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.ChangeOutcome;
import dev.warden.domain.template.MessageTemplate;
import dev.warden.domain.template.TemplateHistory;
import dev.warden.domain.template.TemplateRepository;
import dev.warden.domain.template.TemplateSnapshot;
import dev.warden.domain.template.version.EditPolicy;
import dev.warden.domain.template.version.TemplateVersion;
import dev.warden.domain.template.version.TemplateVersionRepository;
import java.time.Clock;

/** Use case implementation: edit a template within Meta's edit rules; an edit that changes nothing returns the current version. */
public final class EditTemplateService implements EditTemplateUseCase {

    private final TemplateRepository templates;
    private final TemplateVersionRepository versions;
    private final TemplateHistory history;
    private final EditPolicy editPolicy;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final AdminAudit audit;

    public EditTemplateService(TemplateRepository templates, TemplateVersionRepository versions,
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
    public TemplateVersion editTemplate(Actor actor, EditTemplateCommand command) {
        return unitOfWork.inTransaction(() -> {
            OrganizationId organizationId = Scopes.of(actor, command.organizationId(),
                    () -> templates.ownerOf(command.templateId()), () -> new TemplateNotFound(command.templateId()));
            MessageTemplate template = templates.findById(organizationId, command.templateId())
                    .orElseThrow(() -> new TemplateNotFound(command.templateId()));
            actor.requireWrite(organizationId);
            TemplateSnapshot before = template.snapshot();
            ChangeOutcome outcome = template.edit(command.content(), command.category().orElse(null),
                    actor.username(), command.note(), editPolicy, clock.instant());
            if (outcome.newVersion().isPresent()) {
                audit.record(actor, organizationId, AuditAction.TEMPLATE_EDITED,
                        AuditResource.of(AuditResource.Kind.TEMPLATE, template.id()), AdminAudit.facts(before),
                        AdminAudit.facts(template.snapshot()));
            }
            return TemplateVersions.store(outcome, template, templates, versions, history);
        });
    }
}
