package dev.warden.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.application.port.out.CampaignSends;
import dev.warden.domain.campaign.CampaignId;
import dev.warden.domain.campaign.CampaignProgress;
import dev.warden.domain.fixtures.InMemorySendBlocks;
import dev.warden.domain.fixtures.MutableClock;
import dev.warden.domain.notification.DeliveryOutcome;
import dev.warden.domain.notification.Notification;
import dev.warden.domain.notification.NotificationStatus;
import dev.warden.domain.organization.WabaId;
import dev.warden.domain.sending.BlockReason;
import dev.warden.domain.sending.MarketingPreference;
import dev.warden.domain.sending.OutboundMessage;
import dev.warden.domain.sending.Recipient;
import dev.warden.domain.sending.SendBlock;
import dev.warden.domain.sending.SendProvider;
import dev.warden.domain.sending.Sender;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.TemplateCategory;
import dev.warden.domain.template.TemplateId;
import dev.warden.domain.template.parameter.ParameterFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Right before a campaign send's call: held while the campaign does not run or a block that ends stands in
 * its way, skipped for an opt-out, else it goes.
 */
class CampaignDispatchTest {

    private final OrganizationId org = OrganizationId.random();
    private final CampaignId campaign = CampaignId.random();
    private final MutableClock clock = MutableClock.at("2026-12-01T10:00:00Z");
    private final InMemorySendBlocks blocks = new InMemorySendBlocks();
    private boolean running;
    private final CampaignSends sends = new CampaignSends() {
        @Override
        public Optional<Sender> sender(OrganizationId organizationId, CampaignId campaignId) {
            return Optional.empty();
        }

        @Override
        public Sender fixSender(OrganizationId organizationId, CampaignId campaignId, Sender sender) {
            return sender;
        }

        @Override
        public int add(List<Notification> added) {
            return added.size();
        }

        @Override
        public boolean isRunning(OrganizationId organizationId, CampaignId campaignId) {
            return campaignId.equals(campaign) && organizationId.equals(org) && running;
        }

        @Override
        public Map<CampaignId, CampaignProgress> progress(OrganizationId organizationId, Collection<CampaignId> ids) {
            return Map.of();
        }
    };
    private final CampaignDispatch dispatch = new CampaignDispatch(sends, blocks, new PassThroughUnitOfWork(), clock,
            10);

    private Notification send(Optional<CampaignId> of, String to) {
        OutboundMessage message = OutboundMessage.template(SendProvider.META, new WabaId("1234567890"),
                Optional.of("106540352242922"), Recipient.parse(to), new OutboundMessage.TemplateRef(
                        TemplateId.random(), "spring_offer", "en_US", TemplateCategory.MARKETING,
                        ParameterFormat.POSITIONAL), List.of(), List.of(), Optional.empty());
        return Notification.send(org, "k:" + to, of.map(message::of).orElse(message), 3, clock.instant());
    }

    @Test
    void a_send_of_no_campaign_is_not_its_business() {
        assertThat(dispatch.check(send(Optional.empty(), "+919810012345"))).isEmpty();
    }

    @Test
    void a_send_of_a_campaign_that_does_not_run_is_held_and_waits_as_before_its_claim() {
        Optional<DeliveryOutcome> held = dispatch.check(send(Optional.of(campaign), "+919810012345"));

        assertThat(held).containsInstanceOf(DeliveryOutcome.Held.class);
        Notification claimedOnce = withAttempts(send(Optional.of(campaign), "+919810012345"), 1);
        Notification claimedAgain = withAttempts(send(Optional.of(campaign), "+919810012345"), 2);
        assertThat(claimedOnce.after(held.get())).isEqualTo(NotificationStatus.QUEUED);
        assertThat(claimedAgain.after(held.get())).isEqualTo(NotificationStatus.RETRYING);
    }

    @Test
    void a_running_campaigns_send_to_an_opted_out_contact_is_skipped_and_others_go() {
        running = true;
        blocks.prefer(new MarketingPreference(org, new WabaId("1234567890"), "919810012345",
                MarketingPreference.State.OPTED_OUT, clock.instant(), "stop"));

        Optional<DeliveryOutcome> skipped = dispatch.check(send(Optional.of(campaign), "+919810012345"));

        assertThat(skipped).get().isInstanceOfSatisfying(DeliveryOutcome.Skipped.class,
                s -> assertThat(s.reason()).contains("opted out of marketing"));
        assertThat(send(Optional.of(campaign), "+919810012345").after(skipped.get()))
                .isEqualTo(NotificationStatus.SKIPPED);
        assertThat(dispatch.check(send(Optional.of(campaign), "+919810012346"))).isEmpty();
    }

    @Test
    void a_running_campaigns_send_in_a_cool_down_or_from_a_stopped_waba_waits_for_the_block_to_end() {
        running = true;
        WabaId waba = new WabaId("1234567890");
        Instant coolDownEnds = clock.instant().plus(Duration.ofHours(24));
        blocks.block(new SendBlock(org, waba, "919810012345", BlockReason.COOL_DOWN, Optional.of(coolDownEnds),
                "131049", clock.instant()));

        assertThat(dispatch.check(send(Optional.of(campaign), "+919810012345"))).get()
                .isEqualTo(new DeliveryOutcome.Held(Optional.of(coolDownEnds)));

        blocks.block(new SendBlock(org, waba, SendBlock.WHOLE_WABA, BlockReason.SENDING_STOPPED, Optional.empty(),
                "131042", clock.instant()));
        Optional<DeliveryOutcome> stopped = dispatch.check(send(Optional.of(campaign), "+919810012346"));
        assertThat(stopped).get().isEqualTo(new DeliveryOutcome.Held(Optional.of(
                clock.instant().plus(CampaignDispatch.STOPPED_RECHECK))));
        assertThat(withAttempts(send(Optional.of(campaign), "+919810012346"), 1).after(stopped.get()))
                .as("no attempt spent, not settled").isEqualTo(NotificationStatus.QUEUED);
    }

    @Test
    void the_budget_is_what_the_rate_allows_and_what_was_not_claimed_goes_back() {
        assertThat(dispatch.budget(50)).isEqualTo(10);
        dispatch.unused(10, List.of(send(Optional.of(campaign), "+919810012345"), send(Optional.empty(), "+919810012346")));
        assertThat(dispatch.budget(50)).as("nine of ten were not claimed").isEqualTo(9);
    }

    private static Notification withAttempts(Notification n, int attempts) {
        return new Notification(n.id(), n.organizationId(), n.alertId(), n.dedupeKey(), n.channel(), n.recipient(),
                n.message(), NotificationStatus.SENDING, attempts, n.maxAttempts(), n.createdAt(), n.nextAttemptAt(),
                n.lastError(), n.providerMessageId(), List.of(), n.outbound());
    }
}
