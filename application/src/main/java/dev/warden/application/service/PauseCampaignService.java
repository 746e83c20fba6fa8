package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.PauseCampaignUseCase;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.audit.AuditAction;
import dev.warden.domain.audit.AuditTrail;
import dev.warden.domain.campaign.CampaignId;
import dev.warden.domain.campaign.CampaignRepository;
import dev.warden.domain.campaign.CampaignSnapshot;
import dev.warden.domain.shared.DomainEventPublisher;
import dev.warden.domain.shared.OrganizationId;
import java.time.Clock;
import java.util.Optional;

/** Use case implementation: a person holds a started campaign; Warden never lifts that hold. */
public final class PauseCampaignService implements PauseCampaignUseCase {

    private final CampaignChange change;
    private final Clock clock;

    public PauseCampaignService(CampaignRepository campaigns, UnitOfWork unitOfWork, DomainEventPublisher publisher,
                                AuditTrail audit, Clock clock) {
        this.change = new CampaignChange(campaigns, unitOfWork, publisher, new AdminAudit(audit, clock),
                AuditAction.CAMPAIGN_PAUSED);
        this.clock = clock;
    }

    @Override
    public CampaignSnapshot pauseCampaign(Actor actor, Optional<OrganizationId> organizationId, CampaignId campaignId) {
        return change.apply(actor, organizationId, campaignId,
                (organization, campaign) -> campaign.pauseBy(actor.username(), clock.instant()));
    }
}
