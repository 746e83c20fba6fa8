package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.CompleteCampaignUseCase;
import dev.warden.application.port.out.CampaignSends;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.audit.AuditAction;
import dev.warden.domain.audit.AuditTrail;
import dev.warden.domain.campaign.CampaignId;
import dev.warden.domain.campaign.CampaignProgress;
import dev.warden.domain.campaign.CampaignRepository;
import dev.warden.domain.campaign.CampaignSnapshot;
import dev.warden.domain.shared.DomainEventPublisher;
import dev.warden.domain.shared.OrganizationId;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Use case implementation: a person closes a campaign once none of its sends waits (Campaign.completeBy).
 * Recipients added while this runs move the campaign's revision (CampaignSends.fixSender): added after the
 * count, they make the store refuse the stale copy and the count is made again (CampaignChange); added after
 * the store, they find the campaign finished. None is queued on a completed campaign unseen.
 */
public final class CompleteCampaignService implements CompleteCampaignUseCase {

    private final CampaignChange change;
    private final CampaignSends sends;
    private final Clock clock;

    public CompleteCampaignService(CampaignRepository campaigns, CampaignSends sends, UnitOfWork unitOfWork,
                                   DomainEventPublisher publisher, AuditTrail audit, Clock clock) {
        this.change = new CampaignChange(campaigns, unitOfWork, publisher, new AdminAudit(audit, clock),
                AuditAction.CAMPAIGN_COMPLETED);
        this.sends = sends;
        this.clock = clock;
    }

    @Override
    public CampaignSnapshot completeCampaign(Actor actor, Optional<OrganizationId> organizationId,
                                             CampaignId campaignId) {
        return change.apply(actor, organizationId, campaignId, (organization, campaign) -> {
            CampaignProgress progress = sends.progress(organization, List.of(campaignId))
                    .getOrDefault(campaignId, CampaignProgress.NONE);
            return campaign.completeBy(actor.username(), progress, clock.instant());
        });
    }
}
