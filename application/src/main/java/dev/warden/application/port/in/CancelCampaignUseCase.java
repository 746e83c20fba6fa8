package dev.warden.application.port.in;

import dev.warden.domain.campaign.CampaignId;
import dev.warden.domain.campaign.CampaignSnapshot;
import dev.warden.domain.shared.OrganizationId;
import java.util.Optional;

/** Use case: a person stops a campaign for good; its sends that have not gone are not sent. */
public interface CancelCampaignUseCase {

    CampaignSnapshot cancelCampaign(Actor actor, Optional<OrganizationId> organizationId, CampaignId campaignId);
}
