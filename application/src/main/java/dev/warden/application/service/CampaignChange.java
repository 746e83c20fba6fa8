package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.CampaignNotFound;
import dev.warden.application.port.in.TemplateNotFound;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.campaign.Campaign;
import dev.warden.domain.campaign.CampaignEvent;
import dev.warden.domain.campaign.CampaignId;
import dev.warden.domain.campaign.CampaignRepository;
import dev.warden.domain.campaign.CampaignSnapshot;
import dev.warden.domain.shared.DomainEventPublisher;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.TemplateRepository;
import dev.warden.domain.template.TemplateStatus;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/** Load a campaign, change it, store it in one transaction; publish the event once committed. */
final class CampaignChange {

    private final CampaignRepository campaigns;
    private final UnitOfWork unitOfWork;
    private final DomainEventPublisher publisher;

    CampaignChange(CampaignRepository campaigns, UnitOfWork unitOfWork, DomainEventPublisher publisher) {
        this.campaigns = campaigns;
        this.unitOfWork = unitOfWork;
        this.publisher = publisher;
    }

    CampaignSnapshot apply(Actor actor, Optional<OrganizationId> requested, CampaignId campaignId,
                           BiFunction<OrganizationId, Campaign, CampaignEvent> change) {
        Changed changed = unitOfWork.inTransaction(() -> {
            OrganizationId organizationId = Scopes.of(actor, requested, () -> campaigns.ownerOf(campaignId),
                    () -> new CampaignNotFound(campaignId));
            actor.requireWrite(organizationId);
            Campaign campaign = campaigns.findById(organizationId, campaignId)
                    .orElseThrow(() -> new CampaignNotFound(campaignId));
            CampaignEvent event = change.apply(organizationId, campaign);
            campaigns.update(campaign);
            return new Changed(campaign.snapshot(), event);
        });
        publisher.publish(List.of(changed.event()));
        return changed.campaign();
    }

    /** The status of the campaign's template, which decides whether it may send. */
    static TemplateStatus templateStatus(TemplateRepository templates, OrganizationId organization,
                                         Campaign campaign) {
        return templates.findById(organization, campaign.templateId())
                .orElseThrow(() -> new TemplateNotFound(campaign.templateId())).status();
    }

    private record Changed(CampaignSnapshot campaign, CampaignEvent event) {
    }
}
