package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.TemplateNotFound;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.audit.AuditAction;
import dev.warden.domain.audit.AuditResource;
import dev.warden.domain.audit.AuditTrail;
import dev.warden.domain.governance.TemplateMention;
import dev.warden.domain.shared.DomainEvent;
import dev.warden.domain.shared.DomainEventPublisher;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.MessageTemplate;
import dev.warden.domain.template.MetaAnswerTime;
import dev.warden.domain.template.MetaRequest;
import dev.warden.domain.template.TemplateId;
import dev.warden.domain.template.TemplateKey;
import dev.warden.domain.template.TemplateRepository;
import dev.warden.domain.template.TemplateSnapshot;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shape every request to Meta about a template it knows takes (delete, unpause, unarchive; ADR
 * 0012): check in one transaction, ask Meta outside any, then record in a new transaction who asked
 * and what Meta's acceptance means, governed as Meta's own report of it would be (source USER), so
 * campaigns are held or released and alerts raised or resolved exactly as a webhook would.
 */
final class MetaRequests {

    private final GovernancePorts governance;
    private final TemplateRepository templates;
    private final UnitOfWork unitOfWork;
    private final DomainEventPublisher publisher;
    private final AdminAudit audit;
    private final Clock clock;

    MetaRequests(GovernancePorts governance, UnitOfWork unitOfWork, DomainEventPublisher publisher, AuditTrail audit,
                 Clock clock) {
        this.governance = governance;
        this.templates = governance.templates();
        this.unitOfWork = unitOfWork;
        this.publisher = publisher;
        this.audit = new AdminAudit(audit, clock);
        this.clock = clock;
    }

    /** The template, in the actor's scope and writable by the actor, with the request allowed in its state. */
    TemplateSnapshot check(Actor actor, Optional<OrganizationId> requested, TemplateId templateId,
                           MetaRequest request) {
        return unitOfWork.inTransaction(() -> {
            TemplateSnapshot template = find(actor, requested, templateId).snapshot();
            actor.requireWrite(template.organizationId());
            request.requireAllowedFor(template);
            return template;
        });
    }

    /** Records that Meta accepted {@code request}: the history line with who asked, the change, the audit entry. */
    TemplateSnapshot accepted(Actor actor, TemplateSnapshot asked, MetaRequest request, AuditAction action) {
        OrganizationId organizationId = asked.organizationId();
        TemplateKey key = new TemplateKey(asked.wabaId(), asked.metaTemplateId().orElseThrow());
        Instant now = clock.instant();
        List<DomainEvent> events = unitOfWork.inTransaction(() -> {
            Instant answeredAt = MetaAnswerTime.of(current(organizationId, asked.id()), now);
            governance.history().append(request.requested(asked, actor.username(), now));
            List<DomainEvent> governed = governance.governBatch(Map.of(organizationId, List.of(key)),
                    governor -> governor.govern(organizationId, new TemplateMention(key, asked.name().value(),
                            asked.language().value(), null), request.granted(answeredAt), now).events());
            audit.record(actor, organizationId, action, AuditResource.of(AuditResource.Kind.TEMPLATE, asked.id()),
                    AdminAudit.facts(asked), AdminAudit.facts(current(organizationId, asked.id())));
            return governed;
        });
        publisher.publish(events);
        return unitOfWork.inTransaction(() -> current(organizationId, asked.id()));
    }

    private TemplateSnapshot current(OrganizationId organizationId, TemplateId templateId) {
        return templates.findById(organizationId, templateId).orElseThrow(() -> new TemplateNotFound(templateId))
                .snapshot();
    }

    MessageTemplate find(Actor actor, Optional<OrganizationId> requested, TemplateId templateId) {
        OrganizationId organizationId = Scopes.of(actor, requested, () -> templates.ownerOf(templateId),
                () -> new TemplateNotFound(templateId));
        return templates.findById(organizationId, templateId).orElseThrow(() -> new TemplateNotFound(templateId));
    }
}
