package dev.warden.application.port.in;

import dev.warden.domain.campaign.CampaignId;
import dev.warden.domain.campaign.CampaignSnapshot;
import dev.warden.domain.shared.OrganizationId;
import java.util.Optional;

/** Use case: a person starts a campaign. */
public interface StartCampaignUseCase {

    CampaignSnapshot startCampaign(Actor actor, Optional<OrganizationId> organizationId, CampaignId campaignId);
}
