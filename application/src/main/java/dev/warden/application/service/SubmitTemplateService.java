package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.MetaAccessNotConfigured;
import dev.warden.application.port.in.SubmitTemplateUseCase;
import dev.warden.application.port.in.TemplateNotFound;
import dev.warden.application.port.out.MetaTemplateSubmission;
import dev.warden.application.port.out.MetaTemplateSubmission.Submitted;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.audit.AuditAction;
import dev.warden.domain.audit.AuditResource;
import dev.warden.domain.audit.AuditTrail;
import dev.warden.domain.governance.TemplateMention;
import dev.warden.domain.shared.ConcurrentModification;
import dev.warden.domain.shared.DomainEvent;
import dev.warden.domain.shared.DomainEventPublisher;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.ChangeSource;
import dev.warden.domain.template.MessageTemplate;
import dev.warden.domain.template.MetaAnswerTime;
import dev.warden.domain.template.ReportedChange;
import dev.warden.domain.template.StatusEvent;
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
 * Use case implementation: submit a draft to Meta. Meta is called outside any transaction (a slow
 * Meta never holds a database connection or a lock): the draft is checked, Meta called, and Meta's
 * answer recorded in a transaction of its own. Meta's status and category are applied through the
 * governance path, as a webhook's would be, so a category Meta changed is a category change with its
 * alert and holds. Should recording fail after Meta accepted (a concurrent edit, the database gone),
 * the next reconciliation finds Meta's template and matches it to the draft by name and language.
 */
public final class SubmitTemplateService implements SubmitTemplateUseCase {

    private final TemplateRepository templates;
    private final MetaTemplateSubmission meta;
    private final GovernancePorts governance;
    private final UnitOfWork unitOfWork;
    private final DomainEventPublisher publisher;
    private final Clock clock;
    private final AdminAudit audit;

    public SubmitTemplateService(MetaTemplateSubmission meta, GovernancePorts governance, UnitOfWork unitOfWork,
                                 DomainEventPublisher publisher, AuditTrail audit, Clock clock) {
        this.templates = governance.templates();
        this.meta = meta;
        this.governance = governance;
        this.unitOfWork = unitOfWork;
        this.publisher = publisher;
        this.clock = clock;
        this.audit = new AdminAudit(audit, clock);
    }

    @Override
    public TemplateSnapshot submitTemplate(Actor actor, Optional<OrganizationId> requested, TemplateId templateId) {
        TemplateSnapshot draft = unitOfWork.inTransaction(() -> {
            MessageTemplate template = find(actor, requested, templateId);
            actor.requireWrite(template.organizationId());
            template.requireSubmittable();
            return template.snapshot();
        });
        if (!meta.configured()) {
            throw new MetaAccessNotConfigured("submit templates to Meta");
        }
        Submitted answer = MetaCalls.call("create template " + draft.name() + " (" + draft.language() + ")",
                () -> meta.create(draft.wabaId(), draft.name(), draft.language(), draft.category(),
                        draft.content().orElseThrow()));
        return record(actor, draft, answer);
    }

    private TemplateSnapshot record(Actor actor, TemplateSnapshot draft, Submitted answer) {
        OrganizationId organizationId = draft.organizationId();
        Instant now = clock.instant();
        TemplateKey key = new TemplateKey(draft.wabaId(), answer.id());
        List<DomainEvent> events = unitOfWork.inTransaction(() -> {
            MessageTemplate template = templates.findById(organizationId, draft.id())
                    .orElseThrow(() -> new TemplateNotFound(draft.id()));
            if (template.revision() != draft.revision()) {
                throw new ConcurrentModification("template " + draft.id() + " changed while Meta reviewed its "
                        + "submission; Meta holds it as " + answer.id() + " with the content sent, and the next "
                        + "reconciliation records it");
            }
            governance.history().append(template.submitted(answer.id(), ChangeSource.USER, actor.username(), now));
            templates.update(template);
            Instant answeredAt = MetaAnswerTime.of(template.snapshot(), now);
            ReportedChange change = new ReportedChange.Status(StatusEvent.of(answer.status()), null, null, null, null,
                    null, null, answer.category(), answeredAt, ChangeSource.USER);
            List<DomainEvent> governed = governance.governBatch(Map.of(organizationId, List.of(key)),
                    governor -> governor.govern(organizationId, new TemplateMention(key, draft.name().value(),
                            draft.language().value(), answer.category()), change, now).events());
            audit.record(actor, organizationId, AuditAction.TEMPLATE_SUBMITTED,
                    AuditResource.of(AuditResource.Kind.TEMPLATE, draft.id()), AdminAudit.facts(draft),
                    AdminAudit.facts(templates.findById(organizationId, draft.id()).orElseThrow().snapshot()));
            return governed;
        });
        publisher.publish(events);
        return unitOfWork.inTransaction(() -> templates.findById(organizationId, draft.id()).orElseThrow().snapshot());
    }

    private MessageTemplate find(Actor actor, Optional<OrganizationId> requested, TemplateId templateId) {
        OrganizationId organizationId = Scopes.of(actor, requested, () -> templates.ownerOf(templateId),
                () -> new TemplateNotFound(templateId));
        return templates.findById(organizationId, templateId).orElseThrow(() -> new TemplateNotFound(templateId));
    }
}
