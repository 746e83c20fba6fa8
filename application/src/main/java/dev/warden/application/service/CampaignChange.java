package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.CampaignNotFound;
import dev.warden.application.port.in.TemplateNotFound;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.audit.AuditAction;
import dev.warden.domain.audit.AuditResource;
import dev.warden.domain.campaign.Campaign;
import dev.warden.domain.campaign.CampaignEvent;
import dev.warden.domain.campaign.CampaignId;
import dev.warden.domain.campaign.CampaignRepository;
import dev.warden.domain.campaign.CampaignSnapshot;
import dev.warden.domain.shared.ConcurrentModification;
import dev.warden.domain.shared.DomainEventPublisher;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.TemplateRepository;
import dev.warden.domain.template.MessageTemplate;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;

/**
 * Load a campaign, change it, store it in one transaction; publish its events once committed. A
 * hold placed on the campaign meanwhile (a template pause fanned out to it) makes the store refuse
 * the stale copy; the change is then tried again on fresh state, so a start racing a template pause
 * never leaves a campaign running on a template that cannot be sent.
 */
final class CampaignChange {

    static final int ATTEMPTS = 3;

    private final CampaignRepository campaigns;
    private final UnitOfWork unitOfWork;
    private final DomainEventPublisher publisher;
    private final AdminAudit audit;
    private final AuditAction action;

    CampaignChange(CampaignRepository campaigns, UnitOfWork unitOfWork, DomainEventPublisher publisher,
                   AdminAudit audit, AuditAction action) {
        this.campaigns = campaigns;
        this.unitOfWork = unitOfWork;
        this.publisher = publisher;
        this.audit = audit;
        this.action = action;
    }

    CampaignSnapshot apply(Actor actor, Optional<OrganizationId> requested, CampaignId campaignId,
                           BiFunction<OrganizationId, Campaign, List<? extends CampaignEvent>> change) {
        return apply(actor, requested, campaignId, change, (organization, campaign) -> { });
    }

    /**
     * @param afterStore more work in the same transaction once the campaign's row is written (and so locked):
     *                   whatever it locks comes after the campaign, in the order adding recipients locks them
     */
    CampaignSnapshot apply(Actor actor, Optional<OrganizationId> requested, CampaignId campaignId,
                           BiFunction<OrganizationId, Campaign, List<? extends CampaignEvent>> change,
                           BiConsumer<OrganizationId, Campaign> afterStore) {
        for (int attempt = 1; ; attempt++) {
            try {
                Changed changed = unitOfWork.inTransaction(() -> {
                    OrganizationId organizationId = Scopes.of(actor, requested, () -> campaigns.ownerOf(campaignId),
                            () -> new CampaignNotFound(campaignId));
                    actor.requireWrite(organizationId);
                    Campaign campaign = campaigns.findById(organizationId, campaignId)
                            .orElseThrow(() -> new CampaignNotFound(campaignId));
                    CampaignSnapshot before = campaign.snapshot();
                    List<? extends CampaignEvent> events = change.apply(organizationId, campaign);
                    campaigns.update(campaign);
                    afterStore.accept(organizationId, campaign);
                    audit.record(actor, organizationId, action, AuditResource.of(AuditResource.Kind.CAMPAIGN,
                            campaignId.value()), AdminAudit.facts(before), AdminAudit.facts(campaign.snapshot()));
                    return new Changed(campaign.snapshot(), events);
                });
                publisher.publish(changed.events());
                return changed.campaign();
            } catch (ConcurrentModification e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** The campaign's template, whose status and pending consent decide how it starts. */
    static MessageTemplate templateOf(TemplateRepository templates, OrganizationId organization, Campaign campaign) {
        return templates.findById(organization, campaign.templateId())
                .orElseThrow(() -> new TemplateNotFound(campaign.templateId()));
    }

    private record Changed(CampaignSnapshot campaign, List<? extends CampaignEvent> events) {
    }
}
