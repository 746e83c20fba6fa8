package dev.warden.application.port.in;

import dev.warden.domain.campaign.CampaignId;
import dev.warden.domain.campaign.HoldRecord;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.shared.Page;
import dev.warden.domain.shared.PageRequest;
import java.util.Optional;

/** Query: the holds placed on and lifted from a campaign, newest first. */
public interface ListCampaignHoldsUseCase {

    Page<HoldRecord> listCampaignHolds(Actor actor, Optional<OrganizationId> organizationId, CampaignId campaignId,
                                       PageRequest page);
}
