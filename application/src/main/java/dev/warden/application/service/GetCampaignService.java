package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.CampaignNotFound;
import dev.warden.application.port.in.GetCampaignUseCase;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.campaign.Campaign;
import dev.warden.domain.campaign.CampaignId;
import dev.warden.domain.campaign.CampaignRepository;
import dev.warden.domain.campaign.CampaignSnapshot;
import dev.warden.domain.shared.OrganizationId;
import java.util.Optional;

/** Use case implementation: read one campaign. */
public final class GetCampaignService implements GetCampaignUseCase {

    private final CampaignRepository campaigns;
    private final UnitOfWork unitOfWork;

    public GetCampaignService(CampaignRepository campaigns, UnitOfWork unitOfWork) {
        this.campaigns = campaigns;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public CampaignSnapshot getCampaign(Actor actor, Optional<OrganizationId> organizationId, CampaignId campaignId) {
        return unitOfWork.inTransaction(() -> campaigns.findById(Scopes.of(actor, organizationId,
                        () -> campaigns.ownerOf(campaignId), () -> new CampaignNotFound(campaignId)), campaignId))
                .map(Campaign::snapshot).orElseThrow(() -> new CampaignNotFound(campaignId));
    }
}
