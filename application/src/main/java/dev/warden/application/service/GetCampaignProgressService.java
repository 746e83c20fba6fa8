package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.GetCampaignProgressUseCase;
import dev.warden.application.port.out.CampaignSends;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.campaign.CampaignId;
import dev.warden.domain.campaign.CampaignProgress;
import dev.warden.domain.shared.OrganizationId;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** Use case implementation: campaigns' progress, read in one query for the organisation the actor may read. */
public final class GetCampaignProgressService implements GetCampaignProgressUseCase {

    private final CampaignSends sends;
    private final UnitOfWork unitOfWork;

    public GetCampaignProgressService(CampaignSends sends, UnitOfWork unitOfWork) {
        this.sends = sends;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public Map<CampaignId, CampaignProgress> progress(Actor actor, OrganizationId organizationId,
                                                      Collection<CampaignId> campaignIds) {
        OrganizationId scope = actor.organizationFor(Optional.of(organizationId));
        if (campaignIds.isEmpty()) {
            return Map.of();
        }
        return unitOfWork.inTransaction(() -> sends.progress(scope, campaignIds));
    }
}
