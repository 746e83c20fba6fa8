package dev.warden.application.port.in;

import dev.warden.domain.campaign.CampaignId;
import dev.warden.domain.campaign.CampaignSnapshot;
import dev.warden.domain.shared.OrganizationId;
import java.util.Optional;

/** Use case: a person closes a campaign whose sends have all gone. */
public interface CompleteCampaignUseCase {

    CampaignSnapshot completeCampaign(Actor actor, Optional<OrganizationId> organizationId, CampaignId campaignId);
}
