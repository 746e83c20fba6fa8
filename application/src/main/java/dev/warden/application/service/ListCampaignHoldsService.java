package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.CampaignNotFound;
import dev.warden.application.port.in.ListCampaignHoldsUseCase;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.campaign.CampaignId;
import dev.warden.domain.campaign.CampaignRepository;
import dev.warden.domain.campaign.HoldRecord;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.shared.Page;
import dev.warden.domain.shared.PageRequest;
import java.util.Optional;

/** Use case implementation: a campaign's hold history; another organisation's campaign is not found. */
public final class ListCampaignHoldsService implements ListCampaignHoldsUseCase {

    private final CampaignRepository campaigns;
    private final UnitOfWork unitOfWork;

    public ListCampaignHoldsService(CampaignRepository campaigns, UnitOfWork unitOfWork) {
        this.campaigns = campaigns;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public Page<HoldRecord> listCampaignHolds(Actor actor, Optional<OrganizationId> organizationId,
                                              CampaignId campaignId, PageRequest page) {
        return unitOfWork.inTransaction(() -> {
            OrganizationId owner = Scopes.of(actor, organizationId, () -> campaigns.ownerOf(campaignId),
                    () -> new CampaignNotFound(campaignId));
            campaigns.findById(owner, campaignId).orElseThrow(() -> new CampaignNotFound(campaignId));
            return campaigns.holdHistory(owner, campaignId, page);
        });
    }
}
