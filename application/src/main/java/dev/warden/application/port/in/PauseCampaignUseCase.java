package dev.warden.application.port.in;

import dev.warden.domain.campaign.CampaignId;
import dev.warden.domain.campaign.CampaignSnapshot;
import dev.warden.domain.shared.OrganizationId;
import java.util.Optional;

/** Use case: a person pauses a campaign. */
public interface PauseCampaignUseCase {

    CampaignSnapshot pauseCampaign(Actor actor, Optional<OrganizationId> organizationId, CampaignId campaignId);
}
