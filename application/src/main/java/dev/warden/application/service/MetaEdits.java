package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.MetaAccessNotConfigured;
import dev.warden.application.port.in.TemplateNotFound;
import dev.warden.application.port.out.MetaTemplateSubmission;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.audit.AuditAction;
import dev.warden.domain.audit.AuditResource;
import dev.warden.domain.audit.AuditTrail;
import dev.warden.domain.governance.TemplateMention;
import dev.warden.domain.shared.ConcurrentModification;
import dev.warden.domain.shared.DomainEvent;
import dev.warden.domain.shared.DomainEventPublisher;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.ChangeOutcome;
import dev.warden.domain.template.ChangeSource;
import dev.warden.domain.template.MessageTemplate;
import dev.warden.domain.template.MetaAnswerTime;
import dev.warden.domain.template.ReportedChange;
import dev.warden.domain.template.StatusEvent;
import dev.warden.domain.template.TemplateId;
import dev.warden.domain.template.TemplateKey;
import dev.warden.domain.template.TemplateRepository;
import dev.warden.domain.template.TemplateSnapshot;
import dev.warden.domain.template.TemplateStatus;
import dev.warden.domain.template.version.TemplateVersion;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An edit or a rollback (ADR 0012). A draft's is stored at once. A template Meta knows is edited at
 * Meta first: the edit is checked against Meta's rules in one transaction, sent to Meta
 * ({@code POST /{TEMPLATE_ID}}) outside any, and only once Meta accepted stored in a new transaction
 * as a new version, with the PENDING that Meta's review now means governed as Meta's report of it
 * would be (holds, alerts, history). Meta refusing, or not answering, stores nothing.
 */
final class MetaEdits {

    /** The edit itself, asked of the template; run once to check and again, at the same instant, to store. */
    @FunctionalInterface
    interface Edit {
        ChangeOutcome applyTo(MessageTemplate template, Instant now);
    }

    /** What is recorded in the audit log for the edit. */
    record Audited(AuditAction action, Map<String, String> alsoAfter) {
    }

    private final MetaTemplateSubmission meta;
    private final GovernancePorts governance;
    private final TemplateRepository templates;
    private final UnitOfWork unitOfWork;
    private final DomainEventPublisher publisher;
    private final AdminAudit audit;
    private final Clock clock;

    MetaEdits(MetaTemplateSubmission meta, GovernancePorts governance, UnitOfWork unitOfWork,
              DomainEventPublisher publisher, AuditTrail audit, Clock clock) {
        this.meta = meta;
        this.governance = governance;
        this.templates = governance.templates();
        this.unitOfWork = unitOfWork;
        this.publisher = publisher;
        this.audit = new AdminAudit(audit, clock);
        this.clock = clock;
    }

    private record Checked(TemplateSnapshot before, TemplateVersion version, boolean forMeta) {
    }

    TemplateVersion edit(Actor actor, Optional<OrganizationId> requested, TemplateId templateId, Edit edit,
                         Audited audited) {
        Instant now = clock.instant();
        Checked checked = unitOfWork.inTransaction(() -> {
            OrganizationId organizationId = Scopes.of(actor, requested, () -> templates.ownerOf(templateId),
                    () -> new TemplateNotFound(templateId));
            MessageTemplate template = templates.findById(organizationId, templateId)
                    .orElseThrow(() -> new TemplateNotFound(templateId));
            actor.requireWrite(organizationId);
            TemplateSnapshot before = template.snapshot();
            ChangeOutcome outcome = edit.applyTo(template, now);
            if (outcome.newVersion().isPresent() && before.metaTemplateId().isPresent()) {
                return new Checked(before, outcome.newVersion().get(), true);
            }
            if (outcome.newVersion().isPresent()) {
                record(actor, audited, before, template.snapshot());
            }
            return new Checked(before, store(outcome, template), false);
        });
        if (!checked.forMeta()) {
            return checked.version();
        }
        TemplateSnapshot before = checked.before();
        if (!meta.configured()) {
            // Storing it here only would show content Meta does not have until the next reconciliation.
            throw new MetaAccessNotConfigured("edit templates Meta knows (this one is " + before.status() + ")");
        }
        TemplateVersion sent = checked.version();
        MetaCalls.run("edit template " + before.name() + " (" + before.language() + ")",
                () -> meta.edit(before.wabaId(), before.metaTemplateId().orElseThrow(),
                        sent.category() == before.category() ? Optional.empty() : Optional.of(sent.category()),
                        sent.content()));
        return accepted(actor, before, edit, audited, now);
    }

    private TemplateVersion accepted(Actor actor, TemplateSnapshot before, Edit edit, Audited audited, Instant now) {
        OrganizationId organizationId = before.organizationId();
        TemplateKey key = new TemplateKey(before.wabaId(), before.metaTemplateId().orElseThrow());
        Stored stored = unitOfWork.inTransaction(() -> {
            MessageTemplate template = templates.findById(organizationId, before.id())
                    .orElseThrow(() -> new TemplateNotFound(before.id()));
            if (template.revision() != before.revision()) {
                throw new ConcurrentModification("template " + before.id() + " changed while Meta took the edit; "
                        + "Meta holds the content sent, and its next components event or reconciliation shows it");
            }
            TemplateVersion version = store(edit.applyTo(template, now), template);
            // Meta's review of the edit starts with its answer.
            ReportedChange review = new ReportedChange.Status(StatusEvent.of(TemplateStatus.PENDING), null, null,
                    null, null, null, null, null, MetaAnswerTime.of(template.snapshot(), now), ChangeSource.USER);
            List<DomainEvent> governed = governance.governBatch(Map.of(organizationId, List.of(key)),
                    governor -> governor.govern(organizationId, new TemplateMention(key, before.name().value(),
                            before.language().value(), null), review, now).events());
            record(actor, audited, before, templates.findById(organizationId, before.id()).orElseThrow().snapshot());
            return new Stored(version, governed);
        });
        publisher.publish(stored.events());
        return stored.version();
    }

    private record Stored(TemplateVersion version, List<DomainEvent> events) {
    }

    private TemplateVersion store(ChangeOutcome outcome, MessageTemplate template) {
        return TemplateVersions.store(outcome, template, templates, governance.versions(), governance.history());
    }

    private void record(Actor actor, Audited audited, TemplateSnapshot before, TemplateSnapshot after) {
        Map<String, String> facts = new LinkedHashMap<>(AdminAudit.facts(after));
        facts.putAll(audited.alsoAfter());
        audit.record(actor, before.organizationId(), audited.action(),
                AuditResource.of(AuditResource.Kind.TEMPLATE, before.id()), AdminAudit.facts(before), facts);
    }
}
