package dev.warden.application.port.in;

import dev.warden.domain.campaign.CampaignFilter;
import dev.warden.domain.campaign.CampaignSnapshot;
import dev.warden.domain.shared.Page;
import dev.warden.domain.shared.PageRequest;

/** Query: campaigns matching a filter, narrowed to what the actor may see, newest first. */
public interface ListCampaignsUseCase {

    Page<CampaignSnapshot> listCampaigns(Actor actor, CampaignFilter filter, PageRequest page);
}
