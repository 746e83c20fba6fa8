package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.ResumeCampaignUseCase;
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

/**
 * Use case implementation: a person lifts the holds a person placed (or that wait for a person); the
 * campaign runs again unless Warden still holds it for its template.
 */
public final class ResumeCampaignService implements ResumeCampaignUseCase {

    private final CampaignChange change;
    private final Clock clock;

    public ResumeCampaignService(CampaignRepository campaigns, UnitOfWork unitOfWork, DomainEventPublisher publisher,
                                 AuditTrail audit, Clock clock) {
        this.change = new CampaignChange(campaigns, unitOfWork, publisher, new AdminAudit(audit, clock),
                AuditAction.CAMPAIGN_RESUMED);
        this.clock = clock;
    }

    @Override
    public CampaignSnapshot resumeCampaign(Actor actor, Optional<OrganizationId> organizationId, CampaignId campaignId) {
        return change.apply(actor, organizationId, campaignId,
                (organization, campaign) -> campaign.resumeBy(actor.username(), clock.instant()));
    }
}
