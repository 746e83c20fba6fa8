package dev.warden.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.application.port.out.CampaignSends;
import dev.warden.application.port.out.ServerLog;
import dev.warden.domain.alert.AlertSubject;
import dev.warden.domain.alert.AlertType;
import dev.warden.domain.alert.Alerting;
import dev.warden.domain.campaign.CampaignId;
import dev.warden.domain.campaign.CampaignProgress;
import dev.warden.domain.campaign.CampaignStatus;
import dev.warden.domain.fixtures.InMemoryAlertRepository;
import dev.warden.domain.fixtures.InMemorySendBlocks;
import dev.warden.domain.fixtures.InMemoryTemplateRepository;
import dev.warden.domain.fixtures.MutableClock;
import dev.warden.domain.fixtures.RecordingEventPublisher;
import dev.warden.domain.fixtures.TemplateFixtures;
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
import dev.warden.domain.template.MessageTemplate;
import dev.warden.domain.template.TemplateId;
import dev.warden.domain.template.TemplateStatus;
import dev.warden.domain.template.parameter.ParameterFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Right before a campaign send's call: held while the campaign does not run or a block that ends stands in
 * its way, skipped for an opt-out, else it goes, with the campaign's own template or, while that is not
 * sendable, its fallback (docs/adr/0020).
 */
class CampaignDispatchTest {

    private final OrganizationId org = OrganizationId.random();
    private final CampaignId campaign = CampaignId.random();
    private final MutableClock clock = MutableClock.at("2026-12-01T10:00:00Z");
    private final InMemorySendBlocks blocks = new InMemorySendBlocks();
    private final InMemoryTemplateRepository templates = new InMemoryTemplateRepository();
    private final InMemoryAlertRepository alerts = new InMemoryAlertRepository();
    private final RecordingEventPublisher published = new RecordingEventPublisher();
    private final Map<UUID, OutboundMessage> stored = new HashMap<>();
    private Optional<TemplateId> fallback = Optional.empty();
    private CampaignStatus status = CampaignStatus.PAUSED;
    private final CampaignSends sends = new CampaignSends() {
        @Override
        public Optional<Sender> sender(OrganizationId organizationId, CampaignId campaignId) {
            return Optional.empty();
        }

        @Override
        public Optional<Sender> fixSender(OrganizationId organizationId, CampaignId campaignId, Sender sender) {
            return Optional.of(sender);
        }

        @Override
        public int add(List<Notification> added) {
            return added.size();
        }

        @Override
        public CampaignStatus statusOf(OrganizationId organizationId, CampaignId campaignId) {
            assertThat(campaignId).isEqualTo(campaign);
            assertThat(organizationId).isEqualTo(org);
            return status;
        }

        @Override
        public int dropWaiting(OrganizationId organizationId, CampaignId campaignId, String reason, Instant now) {
            throw new AssertionError("the dispatch never drops sends");
        }

        @Override
        public int dropWaitingOfCancelled(String reason, Instant now) {
            throw new AssertionError("the dispatch never drops sends");
        }

        @Override
        public Optional<TemplateId> fallbackOf(OrganizationId organizationId, CampaignId campaignId) {
            return fallback;
        }

        @Override
        public void storeChoice(Notification send) {
            stored.put(send.id(), send.outbound().orElseThrow());
        }

        @Override
        public Map<CampaignId, CampaignProgress> progress(OrganizationId organizationId, Collection<CampaignId> ids) {
            return Map.of();
        }
    };
    private final CampaignDispatch dispatch = new CampaignDispatch(sends, blocks, templates,
            new FallbackUseAlert(new PassThroughUnitOfWork(), new Alerting(alerts), published, new SilentLog(), clock),
            new PassThroughUnitOfWork(), clock, 10);

    private Notification send(Optional<CampaignId> of, String to) {
        OutboundMessage message = OutboundMessage.template(SendProvider.META, new WabaId("1234567890"),
                Optional.of("106540352242922"), Recipient.parse(to), new OutboundMessage.TemplateRef(
                        TemplateId.random(), "spring_offer", "en_US", TemplateCategory.MARKETING,
                        ParameterFormat.POSITIONAL), List.of(), List.of(), Optional.empty());
        return Notification.send(org, "k:" + to, of.map(message::of).orElse(message), 3, clock.instant());
    }

    private Notification send(Optional<CampaignId> of, String to, TemplateId template) {
        OutboundMessage message = OutboundMessage.template(SendProvider.META, new WabaId("1234567890"),
                Optional.of("106540352242922"), Recipient.parse(to), new OutboundMessage.TemplateRef(
                        template, "order_update", "en_US", TemplateCategory.UTILITY,
                        ParameterFormat.NAMED), List.of(), List.of(new OutboundMessage.Parameter("first_name", "Asha"),
                        new OutboundMessage.Parameter("order_id", "A-1")), Optional.empty());
        return Notification.send(org, "k:" + to, of.map(message::of).orElse(message), 3, clock.instant());
    }

    private MessageTemplate stored(String name, TemplateStatus status) {
        MessageTemplate template = TemplateFixtures.aTemplate().in(org).named(name).withStatus(status).build();
        templates.add(template);
        return template;
    }

    private void setStatus(MessageTemplate template, TemplateStatus status) {
        templates.update(TemplateFixtures.aTemplate().in(org).named(template.snapshot().name().value())
                .withId(template.id()).withStatus(status).build());
    }

    @Test
    void a_running_campaign_sends_its_fallback_while_its_template_is_paused_and_says_so_once() {
        status = CampaignStatus.RUNNING;
        MessageTemplate own = stored("order_update", TemplateStatus.PAUSED);
        MessageTemplate standIn = stored("order_update_v2", TemplateStatus.APPROVED);
        fallback = Optional.of(standIn.id());
        Notification queued = send(Optional.of(campaign), "+919810012345", own.id());

        CampaignDispatch.Checked checked = dispatch.check(queued);
        dispatch.check(send(Optional.of(campaign), "+919810012346", own.id()));

        assertThat(checked.notNow()).isEmpty();
        OutboundMessage goes = checked.send().outbound().orElseThrow();
        assertThat(goes.template().orElseThrow().name()).isEqualTo("order_update_v2");
        assertThat(goes.template().orElseThrow().id()).isEqualTo(standIn.id());
        assertThat(goes.bodyParameters()).isEqualTo(queued.outbound().orElseThrow().bodyParameters());
        assertThat(goes.fallbackFrom()).hasValueSatisfying(from -> {
            assertThat(from.id()).isEqualTo(own.id());
            assertThat(from.status()).isEqualTo(TemplateStatus.PAUSED);
        });
        assertThat(stored).containsEntry(queued.id(), goes);
        assertThat(alerts.findUnresolved(org, AlertSubject.template(own.id()), AlertType.FALLBACK_TEMPLATE_USED))
                .isPresent();
        assertThat(published.published()).hasSize(1);
    }

    @Test
    void a_send_chosen_with_the_fallback_goes_with_its_own_template_again_once_that_is_approved() {
        status = CampaignStatus.RUNNING;
        MessageTemplate own = stored("order_update", TemplateStatus.PAUSED);
        MessageTemplate standIn = stored("order_update_v2", TemplateStatus.APPROVED);
        fallback = Optional.of(standIn.id());
        Notification queued = send(Optional.of(campaign), "+919810012345", own.id());
        Notification fellBack = dispatch.check(queued).send();
        setStatus(own, TemplateStatus.APPROVED);

        CampaignDispatch.Checked again = dispatch.check(fellBack);

        OutboundMessage goes = again.send().outbound().orElseThrow();
        assertThat(goes.template().orElseThrow().id()).isEqualTo(own.id());
        assertThat(goes.fallbackFrom()).isEmpty();
        assertThat(stored.get(queued.id())).isEqualTo(goes);
    }

    @Test
    void without_a_sendable_stand_in_the_send_goes_as_queued_and_the_provider_decides() {
        status = CampaignStatus.RUNNING;
        MessageTemplate own = stored("order_update", TemplateStatus.PAUSED);
        MessageTemplate standIn = stored("order_update_v2", TemplateStatus.DISABLED);
        fallback = Optional.of(standIn.id());
        Notification queued = send(Optional.of(campaign), "+919810012345", own.id());

        CampaignDispatch.Checked checked = dispatch.check(queued);

        assertThat(checked.send()).isEqualTo(queued);
        assertThat(stored).isEmpty();
        assertThat(published.published()).isEmpty();
    }

    @Test
    void a_campaign_without_a_fallback_sends_what_was_queued_without_reading_templates() {
        status = CampaignStatus.RUNNING;
        Notification queued = send(Optional.of(campaign), "+919810012345");

        assertThat(dispatch.check(queued).send()).isEqualTo(queued);
        assertThat(stored).isEmpty();
    }

    private static final class SilentLog implements ServerLog {

        @Override
        public void internalError(String reference, String what, Throwable cause) {
            throw new AssertionError(what, cause);
        }

        @Override
        public void warning(String what) {
            throw new AssertionError(what);
        }

        @Override
        public void warning(String what, Throwable cause) {
            throw new AssertionError(what, cause);
        }
    }

    @Test
    void a_send_of_no_campaign_is_not_its_business() {
        assertThat(dispatch.check(send(Optional.empty(), "+919810012345")).notNow()).isEmpty();
    }

    @Test
    void a_send_claimed_before_its_campaign_was_cancelled_is_skipped_not_sent_and_not_held() {
        status = CampaignStatus.CANCELLED;

        assertThat(dispatch.check(send(Optional.of(campaign), "+919810012345")).notNow()).get()
                .isEqualTo(new DeliveryOutcome.Skipped(CancelCampaignService.NOT_SENT));
    }

    @Test
    void a_send_of_a_campaign_that_does_not_run_is_held_and_waits_as_before_its_claim() {
        Optional<DeliveryOutcome> held = dispatch.check(send(Optional.of(campaign), "+919810012345")).notNow();

        assertThat(held).containsInstanceOf(DeliveryOutcome.Held.class);
        Notification claimedOnce = withAttempts(send(Optional.of(campaign), "+919810012345"), 1);
        Notification claimedAgain = withAttempts(send(Optional.of(campaign), "+919810012345"), 2);
        assertThat(claimedOnce.after(held.get())).isEqualTo(NotificationStatus.QUEUED);
        assertThat(claimedAgain.after(held.get())).isEqualTo(NotificationStatus.RETRYING);
    }

    @Test
    void a_running_campaigns_send_to_an_opted_out_contact_is_skipped_and_others_go() {
        status = CampaignStatus.RUNNING;
        blocks.prefer(new MarketingPreference(org, new WabaId("1234567890"), "919810012345",
                MarketingPreference.State.OPTED_OUT, clock.instant(), "stop"));

        Optional<DeliveryOutcome> skipped = dispatch.check(send(Optional.of(campaign), "+919810012345")).notNow();

        assertThat(skipped).get().isInstanceOfSatisfying(DeliveryOutcome.Skipped.class,
                s -> assertThat(s.reason()).contains("opted out of marketing"));
        assertThat(send(Optional.of(campaign), "+919810012345").after(skipped.get()))
                .isEqualTo(NotificationStatus.SKIPPED);
        assertThat(dispatch.check(send(Optional.of(campaign), "+919810012346")).notNow()).isEmpty();
    }

    @Test
    void a_template_meta_made_marketing_after_the_send_was_queued_is_judged_as_marketing() {
        status = CampaignStatus.RUNNING;
        MessageTemplate recategorised = TemplateFixtures.aTemplate().in(org).named("order_update")
                .withStatus(TemplateStatus.APPROVED).withCategory(TemplateCategory.MARKETING).build();
        templates.add(recategorised);
        blocks.prefer(new MarketingPreference(org, new WabaId("1234567890"), "919810012345",
                MarketingPreference.State.OPTED_OUT, clock.instant(), "user_preferences: stop"));

        // Queued as UTILITY (send(.., template) names it so): the opt-out did not apply then; it does now.
        assertThat(dispatch.check(send(Optional.of(campaign), "+919810012345", recategorised.id())).notNow()).get()
                .isInstanceOf(DeliveryOutcome.Skipped.class);
        Notification transactional = send(Optional.empty(), "+919810012345", recategorised.id());
        assertThat(dispatch.check(transactional).send().outbound().orElseThrow().category())
                .as("what MessageSends judges a transactional send by").contains(TemplateCategory.MARKETING);
    }

    @Test
    void a_running_campaigns_send_in_a_cool_down_or_from_a_stopped_waba_waits_for_the_block_to_end() {
        status = CampaignStatus.RUNNING;
        WabaId waba = new WabaId("1234567890");
        Instant coolDownEnds = clock.instant().plus(Duration.ofHours(24));
        blocks.block(new SendBlock(org, waba, "919810012345", BlockReason.COOL_DOWN, Optional.of(coolDownEnds),
                "131049", clock.instant()));

        assertThat(dispatch.check(send(Optional.of(campaign), "+919810012345")).notNow()).get()
                .isEqualTo(new DeliveryOutcome.Held(Optional.of(coolDownEnds)));

        blocks.block(new SendBlock(org, waba, SendBlock.WHOLE_WABA, BlockReason.SENDING_STOPPED, Optional.empty(),
                "131042", clock.instant()));
        Optional<DeliveryOutcome> stopped = dispatch.check(send(Optional.of(campaign), "+919810012346")).notNow();
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
