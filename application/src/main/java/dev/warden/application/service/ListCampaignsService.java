package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.ListCampaignsUseCase;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.campaign.CampaignFilter;
import dev.warden.domain.campaign.CampaignRepository;
import dev.warden.domain.campaign.CampaignSnapshot;
import dev.warden.domain.shared.Page;
import dev.warden.domain.shared.PageRequest;

/** Use case implementation: list campaigns within the actor's scope; another organisation's are never included. */
public final class ListCampaignsService implements ListCampaignsUseCase {

    private final CampaignRepository campaigns;
    private final UnitOfWork unitOfWork;

    public ListCampaignsService(CampaignRepository campaigns, UnitOfWork unitOfWork) {
        this.campaigns = campaigns;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public Page<CampaignSnapshot> listCampaigns(Actor actor, CampaignFilter filter, PageRequest page) {
        CampaignFilter scoped = filter.within(actor.readScope(filter.organizationId()));
        return unitOfWork.inTransaction(() -> campaigns.list(scoped, page));
    }
}
