package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.MetaAccessNotConfigured;
import dev.warden.application.port.in.UnpauseTemplateUseCase;
import dev.warden.application.port.out.MetaTemplateRecovery;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.audit.AuditAction;
import dev.warden.domain.audit.AuditTrail;
import dev.warden.domain.shared.DomainEventPublisher;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.MetaRequest;
import dev.warden.domain.template.TemplateId;
import dev.warden.domain.template.TemplateSnapshot;
import java.time.Clock;
import java.util.Optional;

/**
 * Use case implementation: lift a pause during pacing at Meta ({@code POST /{TEMPLATE_ID}/unpause}).
 * Meta's acceptance is applied as its APPROVED report would be: held campaigns are released and the
 * pause alert resolved. Meta's own APPROVED event, when it follows, changes nothing more.
 */
public final class UnpauseTemplateService implements UnpauseTemplateUseCase {

    private final MetaTemplateRecovery meta;
    private final MetaRequests requests;

    public UnpauseTemplateService(MetaTemplateRecovery meta, GovernancePorts governance, UnitOfWork unitOfWork,
                                  DomainEventPublisher publisher, AuditTrail audit, Clock clock) {
        this.meta = meta;
        this.requests = new MetaRequests(governance, unitOfWork, publisher, audit, clock);
    }

    @Override
    public TemplateSnapshot unpauseTemplate(Actor actor, Optional<OrganizationId> requested, TemplateId templateId) {
        TemplateSnapshot paused = requests.check(actor, requested, templateId, MetaRequest.UNPAUSE);
        if (!meta.configured()) {
            throw new MetaAccessNotConfigured("unpause templates at Meta");
        }
        MetaCalls.run("unpause template " + paused.name() + " (" + paused.language() + ")",
                () -> meta.unpause(paused.wabaId(), paused.metaTemplateId().orElseThrow()));
        return requests.accepted(actor, paused, MetaRequest.UNPAUSE, AuditAction.TEMPLATE_UNPAUSED);
    }
}
