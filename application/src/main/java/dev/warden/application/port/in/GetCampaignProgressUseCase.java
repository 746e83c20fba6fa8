package dev.warden.application.port.in;

import dev.warden.domain.campaign.CampaignId;
import dev.warden.domain.campaign.CampaignProgress;
import dev.warden.domain.shared.OrganizationId;
import java.util.Collection;
import java.util.Map;

/** Query: how far campaigns of one organisation are with their sends (sent, failed, held, remaining, skipped). */
public interface GetCampaignProgressUseCase {

    Map<CampaignId, CampaignProgress> progress(Actor actor, OrganizationId organizationId,
                                               Collection<CampaignId> campaignIds);
}
