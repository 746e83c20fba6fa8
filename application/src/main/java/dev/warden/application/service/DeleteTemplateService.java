package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.DeleteTemplateUseCase;
import dev.warden.application.port.in.MetaAccessNotConfigured;
import dev.warden.application.port.out.MetaTemplateSubmission;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.audit.AuditAction;
import dev.warden.domain.audit.AuditResource;
import dev.warden.domain.audit.AuditTrail;
import dev.warden.domain.campaign.CampaignFilter;
import dev.warden.domain.campaign.CampaignRepository;
import dev.warden.domain.campaign.CampaignStatus;
import dev.warden.domain.shared.DomainEventPublisher;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.shared.PageRequest;
import dev.warden.domain.template.MessageTemplate;
import dev.warden.domain.template.MetaRequest;
import dev.warden.domain.template.TemplateDeletionRefused;
import dev.warden.domain.template.TemplateId;
import dev.warden.domain.template.TemplateRepository;
import dev.warden.domain.template.TemplateSnapshot;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Use case implementation: delete a template (ADR 0012, superseding ADR 0009 for templates Meta knows).
 * A draft Meta never saw and no campaign uses is deleted here and now. A template Meta knows is deleted
 * at Meta first (this id and name: one language), outside any transaction, and then marked DELETED
 * through the governance path, as Meta's DELETED event would; a campaign that is not finished keeps it.
 */
public final class DeleteTemplateService implements DeleteTemplateUseCase {

    private final TemplateRepository templates;
    private final CampaignRepository campaigns;
    private final MetaTemplateSubmission meta;
    private final MetaRequests requests;
    private final UnitOfWork unitOfWork;
    private final AdminAudit audit;

    public DeleteTemplateService(MetaTemplateSubmission meta, GovernancePorts governance, UnitOfWork unitOfWork,
                                 DomainEventPublisher publisher, AuditTrail audit, Clock clock) {
        this.templates = governance.templates();
        this.campaigns = governance.campaigns();
        this.meta = meta;
        this.requests = new MetaRequests(governance, unitOfWork, publisher, audit, clock);
        this.unitOfWork = unitOfWork;
        this.audit = new AdminAudit(audit, clock);
    }

    @Override
    public void deleteTemplate(Actor actor, Optional<OrganizationId> requested, TemplateId templateId) {
        Optional<TemplateSnapshot> atMeta = unitOfWork.inTransaction(() -> {
            MessageTemplate template = requests.find(actor, requested, templateId);
            actor.requireWrite(template.organizationId());
            TemplateSnapshot snapshot = template.snapshot();
            if (snapshot.metaTemplateId().isEmpty()) {
                deleteDraft(actor, template);
                return Optional.<TemplateSnapshot>empty();
            }
            MetaRequest.DELETE.requireAllowedFor(snapshot);
            requireUnused(template, CampaignFilter.OPEN, "not finished");
            return Optional.of(snapshot);
        });
        if (atMeta.isEmpty()) {
            return;
        }
        TemplateSnapshot known = atMeta.get();
        if (!meta.configured()) {
            throw new MetaAccessNotConfigured("delete templates Meta knows (this one is " + known.status() + ")");
        }
        MetaCalls.run("delete template " + known.name() + " (" + known.language() + ")",
                () -> meta.delete(known.wabaId(), known.metaTemplateId().orElseThrow(), known.name()));
        requests.accepted(actor, known, MetaRequest.DELETE, AuditAction.TEMPLATE_DELETED);
    }

    private void deleteDraft(Actor actor, MessageTemplate template) {
        template.requireDeletableLocally();
        requireUnused(template, Set.of(), "");
        templates.delete(template.organizationId(), template.id());
        audit.record(actor, template.organizationId(), AuditAction.TEMPLATE_DELETED,
                AuditResource.of(AuditResource.Kind.TEMPLATE, template.id()), AdminAudit.facts(template.snapshot()),
                Map.of());
    }

    /** Finished campaigns keep a template Meta deleted (its row stays, DELETED); a draft's row goes. */
    private void requireUnused(MessageTemplate template, Set<CampaignStatus> statuses,
                               String which) {
        long using = campaigns.list(CampaignFilter.of(template.organizationId()).withTemplate(template.id())
                .withStatuses(statuses), new PageRequest(0, 1)).total();
        if (using > 0) {
            throw new TemplateDeletionRefused(template.id(), using + " " + (which.isEmpty() ? "" : which + " ")
                    + "campaign(s) use it; delete or move them first");
        }
    }
}
