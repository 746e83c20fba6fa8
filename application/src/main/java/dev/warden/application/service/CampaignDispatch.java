package dev.warden.application.service;

import dev.warden.application.port.out.CampaignSends;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.campaign.CampaignId;
import dev.warden.domain.notification.DeliveryOutcome;
import dev.warden.domain.notification.Notification;
import dev.warden.domain.sending.OutboundMessage;
import dev.warden.domain.sending.SendBlockRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * What the dispatcher does for campaign sends (docs/adr/0016): how many it may claim now (the campaign rate,
 * per instance), and, right before the provider call, whether the campaign still runs (a pause between
 * claim and call puts the send back, no attempt counted) and whether the contact may get it: an opt-out
 * found now skips it (counted as skipped on the campaign, not failed); a cool-down or a stopped WABA puts
 * it back until the block ends.
 */
public final class CampaignDispatch {

    /** How long a send waits before looking again at a WABA stopped until a person restarts it. */
    static final Duration STOPPED_RECHECK = Duration.ofMinutes(1);

    private final CampaignSends sends;
    private final SendBlockRepository blocks;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final SendRate rate;

    /** @param sendsPerSecond campaign sends this instance starts per second, all campaigns together */
    public CampaignDispatch(CampaignSends sends, SendBlockRepository blocks, UnitOfWork unitOfWork, Clock clock,
                            double sendsPerSecond) {
        this.sends = sends;
        this.blocks = blocks;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.rate = new SendRate(sendsPerSecond, clock);
    }

    /** Campaign sends a batch may claim now, at most {@code batchSize}; the caller gives back what it did not claim. */
    int budget(int batchSize) {
        return rate.take(batchSize);
    }

    void unused(int budget, Collection<Notification> claimed) {
        rate.giveBack(budget - (int) claimed.stream().filter(n -> campaignOf(n).isPresent()).count());
    }

    /** Empty when the send may go to its provider; else why not (HELD or SKIPPED). */
    Optional<DeliveryOutcome> check(Notification notification) {
        Optional<CampaignId> campaign = campaignOf(notification);
        if (campaign.isEmpty()) {
            return Optional.empty();
        }
        OutboundMessage message = notification.outbound().orElseThrow();
        return unitOfWork.<Optional<DeliveryOutcome>>inTransaction(() -> {
            if (!sends.isRunning(notification.organizationId(), campaign.get())) {
                return Optional.of(new DeliveryOutcome.Held());
            }
            Instant now = clock.instant();
            return SendChecks.blocking(blocks, notification.organizationId(), message, now).map(block ->
                    block.reason().passes()
                            ? new DeliveryOutcome.Held(Optional.of(block.until().orElse(now.plus(STOPPED_RECHECK))))
                            : new DeliveryOutcome.Skipped("not sent: " + block.describe()));
        });
    }

    private static Optional<CampaignId> campaignOf(Notification notification) {
        return notification.outbound().flatMap(OutboundMessage::campaignId);
    }
}
