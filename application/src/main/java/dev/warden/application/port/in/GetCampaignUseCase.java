package dev.warden.application.port.in;

import dev.warden.domain.campaign.CampaignId;
import dev.warden.domain.campaign.CampaignSnapshot;
import dev.warden.domain.shared.OrganizationId;
import java.util.Optional;

/** Query: one campaign, with who or what paused it. */
public interface GetCampaignUseCase {

    CampaignSnapshot getCampaign(Actor actor, Optional<OrganizationId> organizationId, CampaignId campaignId);
}
