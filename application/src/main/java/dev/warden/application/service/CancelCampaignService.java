package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.CancelCampaignUseCase;
import dev.warden.application.port.out.CampaignSends;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.audit.AuditAction;
import dev.warden.domain.audit.AuditTrail;
import dev.warden.domain.campaign.CampaignId;
import dev.warden.domain.campaign.CampaignRepository;
import dev.warden.domain.campaign.CampaignSnapshot;
import dev.warden.domain.shared.DomainEventPublisher;
import dev.warden.domain.shared.OrganizationId;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Use case implementation: a person cancels a campaign. In the same transaction its waiting sends are settled
 * as skipped; a send a dispatcher holds then is skipped by its check before the call, or, if the dispatcher
 * had already decided to wait or retry, by the sweep of cancelled campaigns' sends (SweepCancelledSendsService).
 */
public final class CancelCampaignService implements CancelCampaignUseCase {

    /** Why a cancelled campaign's send did not go, as its notification shows it. */
    static final String NOT_SENT = "not sent: the campaign was cancelled";

    private final CampaignChange change;
    private final CampaignSends sends;
    private final Clock clock;

    public CancelCampaignService(CampaignRepository campaigns, CampaignSends sends, UnitOfWork unitOfWork,
                                 DomainEventPublisher publisher, AuditTrail audit, Clock clock) {
        this.change = new CampaignChange(campaigns, unitOfWork, publisher, new AdminAudit(audit, clock),
                AuditAction.CAMPAIGN_CANCELLED);
        this.sends = sends;
        this.clock = clock;
    }

    @Override
    public CampaignSnapshot cancelCampaign(Actor actor, Optional<OrganizationId> organizationId,
                                           CampaignId campaignId) {
        Instant now = clock.instant();
        // The campaign's row first, then its sends: the order adding recipients takes them in, so the two wait
        // on each other instead of deadlocking.
        return change.apply(actor, organizationId, campaignId,
                (organization, campaign) -> campaign.cancelBy(actor.username(), now),
                (organization, campaign) -> sends.dropWaiting(organization, campaignId, NOT_SENT, now));
    }
}
