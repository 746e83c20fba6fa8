package dev.warden.application.port.out;

import dev.warden.domain.campaign.CampaignId;
import dev.warden.domain.campaign.CampaignProgress;
import dev.warden.domain.campaign.CampaignStatus;
import dev.warden.domain.notification.Notification;
import dev.warden.domain.sending.Sender;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.TemplateId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Outgoing port: a campaign's sends in the notification outbox, whom they go from, and how far they are. */
public interface CampaignSends {

    /** Whom the campaign sends from; empty until its first recipients fix it. */
    Optional<Sender> sender(OrganizationId organizationId, CampaignId campaignId);

    /**
     * Fixes whom the open campaign sends from, unless something already did (a concurrent first call waits for
     * the other and keeps its sender), and holds the campaign's row until the transaction ends and moves its
     * revision, so that neither a cancel nor a complete passes sends being added unseen. Answers the campaign's sender after the call; empty when the campaign is
     * finished (COMPLETED or CANCELLED).
     */
    Optional<Sender> fixSender(OrganizationId organizationId, CampaignId campaignId, Sender sender);

    /** Stores the sends; one whose dedupe key the organisation has is skipped. Answers how many were stored. */
    int add(List<Notification> sends);

    /** The campaign's status now (read fresh: the check right before a provider call). */
    CampaignStatus statusOf(OrganizationId organizationId, CampaignId campaignId);

    /**
     * Settles the sends of a cancelled campaign that still wait (queued, to be retried, or claimed by a
     * dispatcher that has since let its claim run out) as SKIPPED with {@code reason}; a send a dispatcher
     * holds now is left to it (its check before the call finds the campaign cancelled). Answers how many.
     */
    int dropWaiting(OrganizationId organizationId, CampaignId campaignId, String reason, Instant now);

    /**
     * The same for every cancelled campaign of every organisation (a system sweep): what a cancel could not
     * reach, a send a dispatcher put back after the cancel or a claim that ran out. Answers how many.
     */
    int dropWaitingOfCancelled(String reason, Instant now);

    /** The fallback template the campaign names, if any (read fresh, right before a provider call). */
    Optional<TemplateId> fallbackOf(OrganizationId organizationId, CampaignId campaignId);

    /**
     * Stores the message a claimed send now goes with and its description, its template chosen again right
     * before the call (docs/adr/0020).
     */
    void storeChoice(Notification send);

    /** Each campaign's progress, in one read; a campaign with no sends is {@link CampaignProgress#NONE}. */
    Map<CampaignId, CampaignProgress> progress(OrganizationId organizationId, Collection<CampaignId> campaignIds);
}
