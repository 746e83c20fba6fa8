package dev.warden.application.service;

import dev.warden.application.port.out.CampaignSends;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.campaign.CampaignId;
import dev.warden.domain.campaign.CampaignStatus;
import dev.warden.domain.notification.DeliveryOutcome;
import dev.warden.domain.notification.Notification;
import dev.warden.domain.sending.OutboundMessage;
import dev.warden.domain.sending.SendBlockRepository;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.MessageTemplate;
import dev.warden.domain.template.TemplateRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * What the dispatcher does for campaign sends (docs/adr/0016): how many it may claim now (the campaign rate,
 * per instance), and, right before the provider call, whether the campaign still runs (a pause between
 * claim and call puts the send back, no attempt counted; a cancel skips it), which template it goes with
 * (its own, or its fallback while its own is not sendable: docs/adr/0020) and whether the contact may get
 * it: an opt-out found now skips it (counted as skipped on the campaign, not failed); a cool-down or a
 * stopped WABA puts it back until the block ends.
 */
public final class CampaignDispatch {

    /** How long a send waits before looking again at a WABA stopped until a person restarts it. */
    static final Duration STOPPED_RECHECK = Duration.ofMinutes(1);

    private final CampaignSends sends;
    private final SendBlockRepository blocks;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final SendRate rate;
    private final CampaignFallback fallback;
    private final TemplateRepository templates;
    private final FallbackUseAlert fallbackAlert;

    /** @param sendsPerSecond campaign sends this instance starts per second, all campaigns together */
    public CampaignDispatch(CampaignSends sends, SendBlockRepository blocks, TemplateRepository templates,
                            FallbackUseAlert fallbackAlert, UnitOfWork unitOfWork, Clock clock,
                            double sendsPerSecond) {
        this.sends = sends;
        this.blocks = blocks;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.rate = new SendRate(sendsPerSecond, clock);
        this.fallback = new CampaignFallback(sends, templates);
        this.templates = templates;
        this.fallbackAlert = fallbackAlert;
    }

    /** Campaign sends a batch may claim now, at most {@code batchSize}; the caller gives back what it did not claim. */
    int budget(int batchSize) {
        return rate.take(batchSize);
    }

    void unused(int budget, Collection<Notification> claimed) {
        rate.giveBack(budget - (int) claimed.stream().filter(n -> campaignOf(n).isPresent()).count());
    }

    /**
     * Right before the call: not now (HELD or SKIPPED), or the send to make, its template chosen again.
     *
     * @param notNow empty when {@code send} goes to its provider
     */
    record Checked(Optional<DeliveryOutcome> notNow, Notification send) {
    }

    Checked check(Notification queued) {
        Optional<CampaignId> campaign = campaignOf(queued);
        if (campaign.isEmpty()) {
            return new Checked(Optional.empty(), queued.outbound().orElseThrow().template().isPresent()
                    ? unitOfWork.inTransaction(() -> categorisedNow(queued)) : queued);
        }
        OrganizationId scope = queued.organizationId();
        Decision decision = unitOfWork.inTransaction(() -> {
            Notification notification = categorisedNow(queued);
            CampaignStatus status = sends.statusOf(scope, campaign.get());
            if (status != CampaignStatus.RUNNING) {
                // Cancelled while this send was claimed: the cancel left it to this check (CampaignSends.dropWaiting).
                return new Decision(Optional.of(status == CampaignStatus.CANCELLED
                        ? new DeliveryOutcome.Skipped(CancelCampaignService.NOT_SENT)
                        : new DeliveryOutcome.Held()), new CampaignFallback.Chosen(notification, Optional.empty()));
            }
            CampaignFallback.Chosen chosen = fallback.choose(notification, campaign.get());
            Instant now = clock.instant();
            return new Decision(SendChecks.blocking(blocks, scope, chosen.send().outbound().orElseThrow(), now)
                    .map(block -> block.reason().isWaitedOut()
                            ? new DeliveryOutcome.Held(Optional.of(block.until().orElse(now.plus(STOPPED_RECHECK))))
                            : new DeliveryOutcome.Skipped("not sent: " + block.describe())), chosen);
        });
        if (decision.notNow().isEmpty()) {
            // After the choice is stored, before the call: the alert says sends go out with the fallback now.
            decision.chosen().choice().ifPresent(choice -> fallbackAlert.raise(scope, choice, queued.id()));
        }
        return new Checked(decision.notNow(), decision.chosen().send());
    }

    private record Decision(Optional<DeliveryOutcome> notNow, CampaignFallback.Chosen chosen) {
    }

    /**
     * The send with its template's category as it is now (OutboundMessage.billedAs), so that an opt-out
     * refuses a template Meta made MARKETING after the send was queued. Every template send, campaign or not.
     */
    private Notification categorisedNow(Notification notification) {
        OutboundMessage message = notification.outbound().orElseThrow();
        return message.template()
                .flatMap(ref -> templates.findById(notification.organizationId(), ref.id()))
                .map(MessageTemplate::category)
                .filter(now -> !message.category().equals(Optional.of(now)))
                .map(now -> notification.sending(message.billedAs(now)))
                .orElse(notification);
    }

    private static Optional<CampaignId> campaignOf(Notification notification) {
        return notification.outbound().flatMap(OutboundMessage::campaignId);
    }
}
