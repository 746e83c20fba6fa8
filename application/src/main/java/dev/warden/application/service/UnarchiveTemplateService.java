package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.MetaAccessNotConfigured;
import dev.warden.application.port.in.MetaRefused;
import dev.warden.application.port.in.MetaUnreachable;
import dev.warden.application.port.in.UnarchiveTemplateUseCase;
import dev.warden.application.port.out.MetaTemplateRecovery;
import dev.warden.application.port.out.MetaTemplateRecovery.Unarchived;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.audit.AuditAction;
import dev.warden.domain.audit.AuditTrail;
import dev.warden.domain.shared.DomainEventPublisher;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.MetaRequest;
import dev.warden.domain.template.MetaTemplateId;
import dev.warden.domain.template.TemplateId;
import dev.warden.domain.template.TemplateSnapshot;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Use case implementation: unarchive a template at Meta ({@code POST /{WABA_ID}/message_templates/unarchive}).
 * Meta answers per template; this one's answer decides. Its acceptance is applied as Meta's UNARCHIVED
 * event would be: the status before the archive comes back, and with it sends, held campaigns and alerts.
 */
public final class UnarchiveTemplateService implements UnarchiveTemplateUseCase {

    private final MetaTemplateRecovery meta;
    private final MetaRequests requests;

    public UnarchiveTemplateService(MetaTemplateRecovery meta, GovernancePorts governance, UnitOfWork unitOfWork,
                                    DomainEventPublisher publisher, AuditTrail audit, Clock clock) {
        this.meta = meta;
        this.requests = new MetaRequests(governance, unitOfWork, publisher, audit, clock);
    }

    @Override
    public TemplateSnapshot unarchiveTemplate(Actor actor, Optional<OrganizationId> requested, TemplateId templateId) {
        TemplateSnapshot archived = requests.check(actor, requested, templateId, MetaRequest.UNARCHIVE);
        if (!meta.configured()) {
            throw new MetaAccessNotConfigured("unarchive templates at Meta");
        }
        MetaTemplateId id = archived.metaTemplateId().orElseThrow();
        String what = "unarchive template " + archived.name() + " (" + archived.language() + ")";
        Unarchived answer = MetaCalls.call(what, () -> meta.unarchive(archived.wabaId(), List.of(id)));
        if (answer.failed().containsKey(id)) {
            throw new MetaRefused("Meta refused to " + what + ": " + answer.failed().get(id));
        }
        if (!answer.restored().contains(id)) {
            throw new MetaUnreachable("Meta's answer when asked to " + what + " did not name it; the next "
                    + "reconciliation shows what Meta did");
        }
        return requests.accepted(actor, archived, MetaRequest.UNARCHIVE, AuditAction.TEMPLATE_UNARCHIVED);
    }
}
