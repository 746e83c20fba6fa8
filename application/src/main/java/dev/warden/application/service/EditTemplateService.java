package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.EditTemplateCommand;
import dev.warden.application.port.in.EditTemplateUseCase;
import dev.warden.application.port.out.MetaTemplateSubmission;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.audit.AuditAction;
import dev.warden.domain.audit.AuditTrail;
import dev.warden.domain.shared.DomainEventPublisher;
import dev.warden.domain.template.version.EditPolicy;
import dev.warden.domain.template.version.TemplateVersion;
import java.time.Clock;
import java.util.Map;

/**
 * Use case implementation: edit a template within Meta's edit rules; an edit that changes nothing
 * returns the current version. A template Meta knows is edited at Meta before Warden stores the version.
 */
public final class EditTemplateService implements EditTemplateUseCase {

    private final MetaEdits edits;
    private final EditPolicy editPolicy;

    public EditTemplateService(MetaTemplateSubmission meta, GovernancePorts governance, EditPolicy editPolicy,
                               UnitOfWork unitOfWork, DomainEventPublisher publisher, AuditTrail audit, Clock clock) {
        this.edits = new MetaEdits(meta, governance, unitOfWork, publisher, audit, clock);
        this.editPolicy = editPolicy;
    }

    @Override
    public TemplateVersion editTemplate(Actor actor, EditTemplateCommand command) {
        return edits.edit(actor, command.organizationId(), command.templateId(),
                (template, now) -> template.edit(command.content(), command.category().orElse(null),
                        actor.username(), command.note(), editPolicy, now),
                new MetaEdits.Audited(AuditAction.TEMPLATE_EDITED, Map.of()));
    }
}
