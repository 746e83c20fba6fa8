package dev.warden.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.application.port.out.MessageSender;
import dev.warden.application.port.out.ServerLog;
import dev.warden.domain.alert.AlertSeverity;
import dev.warden.domain.alert.AlertSubject;
import dev.warden.domain.alert.AlertType;
import dev.warden.domain.alert.Alerting;
import dev.warden.domain.fixtures.InMemoryAlertRepository;
import dev.warden.domain.fixtures.InMemoryCustomerServiceWindows;
import dev.warden.domain.fixtures.InMemorySendBlocks;
import dev.warden.domain.fixtures.MutableClock;
import dev.warden.domain.fixtures.RecordingEventPublisher;
import dev.warden.domain.notification.DeliveryOutcome;
import dev.warden.domain.notification.Notification;
import dev.warden.domain.organization.WabaId;
import dev.warden.domain.sending.BlockReason;
import dev.warden.domain.sending.EventType;
import dev.warden.domain.sending.MarketingPreference;
import dev.warden.domain.sending.OutboundMessage;
import dev.warden.domain.sending.Recipient;
import dev.warden.domain.sending.SendBlock;
import dev.warden.domain.sending.SendBlockRepository;
import dev.warden.domain.sending.SendProvider;
import dev.warden.domain.sending.SendRefusal;
import dev.warden.domain.sending.SendResult;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.TemplateCategory;
import dev.warden.domain.template.TemplateId;
import dev.warden.domain.template.parameter.ParameterFormat;
import dev.warden.domain.window.ConversationKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The dispatcher's send path with a fake provider: what each refusal leaves behind, and checks before the call. */
class MessageSendsTest {

    private final OrganizationId org = OrganizationId.random();
    private final WabaId waba = new WabaId("4242");
    private final MutableClock clock = MutableClock.at("2026-12-01T10:00:00Z");
    private final InMemorySendBlocks blocks = new InMemorySendBlocks();
    private final InMemoryCustomerServiceWindows windows = new InMemoryCustomerServiceWindows();
    private final InMemoryAlertRepository alerts = new InMemoryAlertRepository();
    private final Provider meta = new Provider();
    private final MessageSends sends = new MessageSends(List.of(meta), blocks, windows, new PassThroughUnitOfWork(),
            new Alerting(alerts), new RecordingEventPublisher(), new Warnings(), clock);

    /** The server log's warnings; nothing else is expected of it here. */
    private static final class Warnings implements ServerLog {
        final List<String> warnings = new ArrayList<>();

        @Override
        public void internalError(String reference, String what, Throwable cause) {
            throw new AssertionError(what, cause);
        }

        @Override
        public void warning(String what) {
            warnings.add(what);
        }

        @Override
        public void warning(String what, Throwable cause) {
            warnings.add(what + ": " + cause.getMessage());
        }
    }

    /** A block list whose writes fail while {@code failures} lasts, as a database that is briefly away. */
    private static final class FailingWrites implements SendBlockRepository {
        final InMemorySendBlocks stored = new InMemorySendBlocks();
        int failures;

        @Override
        public void block(SendBlock block) {
            if (failures > 0) {
                failures--;
                throw new IllegalStateException("connection refused");
            }
            stored.block(block);
        }

        @Override
        public boolean prefer(MarketingPreference preference) {
            return stored.prefer(preference);
        }

        @Override
        public List<SendBlock> active(OrganizationId organizationId, WabaId wabaId, String contact, Instant now) {
            return stored.active(organizationId, wabaId, contact, now);
        }
    }

    private static final class Provider implements MessageSender {
        final List<UUID> calls = new ArrayList<>();
        SendResult next = new SendResult.Accepted(Optional.of("wamid.1"));

        @Override
        public SendProvider provider() {
            return SendProvider.META;
        }

        @Override
        public SendResult send(UUID notificationId, OutboundMessage message) {
            calls.add(notificationId);
            return next;
        }
    }

    private Notification send(TemplateCategory category, String to) {
        OutboundMessage message = OutboundMessage.template(SendProvider.META, waba, Optional.of("1065"),
                Recipient.parse(to), new OutboundMessage.TemplateRef(TemplateId.random(), "offer", "en_US", category,
                        ParameterFormat.POSITIONAL), List.of(), List.of(), Optional.of(new EventType("OFFER")));
        return Notification.send(org, "event:" + UUID.randomUUID(), message, 3, clock.instant());
    }

    private DeliveryOutcome refusedWith(SendRefusal refusal, Notification notification) {
        meta.next = new SendResult.Refused(refusal, "code", Optional.empty());
        return sends.deliver(notification);
    }

    @Test
    void an_accepted_send_keeps_the_provider_s_id() {
        assertThat(sends.deliver(send(TemplateCategory.UTILITY, "+919810012345")))
                .isEqualTo(new DeliveryOutcome.Sent(Optional.of("wamid.1")));
    }

    @Test
    void an_opt_out_or_a_cool_down_stops_marketing_to_the_contact_before_any_call_and_nothing_else() {
        assertThat(refusedWith(SendRefusal.MARKETING_OPT_OUT, send(TemplateCategory.MARKETING, "+919810012345")))
                .isInstanceOf(DeliveryOutcome.Permanent.class);
        assertThat(refusedWith(SendRefusal.RECIPIENT_COOL_DOWN, send(TemplateCategory.MARKETING, "+919810099999")))
                .isInstanceOf(DeliveryOutcome.Permanent.class);
        meta.calls.clear();
        meta.next = new SendResult.Accepted(Optional.empty());

        assertThat(sends.deliver(send(TemplateCategory.MARKETING, "+919810012345")))
                .isInstanceOf(DeliveryOutcome.Permanent.class);
        assertThat(sends.deliver(send(TemplateCategory.MARKETING, "+919810099999")))
                .isInstanceOf(DeliveryOutcome.Permanent.class);
        assertThat(meta.calls).isEmpty();
        assertThat(sends.deliver(send(TemplateCategory.UTILITY, "+919810012345")))
                .isInstanceOf(DeliveryOutcome.Sent.class);

        clock.advance(Duration.ofHours(24));
        assertThat(sends.deliver(send(TemplateCategory.MARKETING, "+919810099999")))
                .as("the cool-down is over").isInstanceOf(DeliveryOutcome.Sent.class);
        assertThat(blocks.active(org, waba, "919810012345", clock.instant()))
                .extracting(b -> b.reason()).containsExactly(BlockReason.MARKETING_OPT_OUT);
    }

    @Test
    void retryable_refusals_are_tried_again_with_the_provider_s_pace_and_leave_nothing() {
        meta.next = new SendResult.Refused(SendRefusal.PAIR_RATE_LIMITED, "131056", Optional.of(Duration.ofSeconds(6)));
        assertThat(sends.deliver(send(TemplateCategory.MARKETING, "+919810012345")))
                .isEqualTo(new DeliveryOutcome.Retryable("PAIR_RATE_LIMITED (recipient): 131056",
                        Optional.of(Duration.ofSeconds(6))));
        assertThat(blocks.active(org, waba, "919810012345", clock.instant())).isEmpty();
    }

    @Test
    void a_closed_window_is_recorded_for_the_customer() {
        ConversationKey key = new ConversationKey(org, "1065", "919810012345");
        windows.recordInbound(key, clock.instant().minusSeconds(60));

        refusedWith(SendRefusal.WINDOW_CLOSED, send(TemplateCategory.UTILITY, "+919810012345"));

        assertThat(windows.find(key)).get().satisfies(w -> assertThat(w.isOpenAt(clock.instant())).isFalse());
    }

    @Test
    void a_stopped_account_stops_every_send_of_the_waba_with_one_critical_alert() {
        refusedWith(SendRefusal.ACCOUNT_STOPPED, send(TemplateCategory.UTILITY, "+919810012345"));
        refusedWith(SendRefusal.ACCOUNT_STOPPED, send(TemplateCategory.UTILITY, "+919810012346"));
        meta.calls.clear();

        DeliveryOutcome next = sends.deliver(send(TemplateCategory.AUTHENTICATION, "+919810000000"));

        assertThat(next).isInstanceOf(DeliveryOutcome.Permanent.class);
        assertThat(((DeliveryOutcome.Permanent) next).error()).contains("stopped");
        assertThat(meta.calls).isEmpty();
        assertThat(alerts.findUnresolved(org, AlertSubject.waba("4242"), AlertType.SENDING_STOPPED)).get()
                .satisfies(alert -> assertThat(alert.snapshot().severity()).isEqualTo(AlertSeverity.CRITICAL));
    }

    @Test
    void a_stop_that_cannot_be_written_is_tried_once_more_then_logged_and_the_send_tried_again() {
        FailingWrites failing = new FailingWrites();
        Warnings log = new Warnings();
        MessageSends flaky = new MessageSends(List.of(meta), failing, windows, new PassThroughUnitOfWork(),
                new Alerting(alerts), new RecordingEventPublisher(), log, clock);
        meta.next = new SendResult.Refused(SendRefusal.ACCOUNT_STOPPED, "131031", Optional.empty());

        failing.failures = 1;
        assertThat(flaky.deliver(send(TemplateCategory.UTILITY, "+919810012345")))
                .isInstanceOf(DeliveryOutcome.Permanent.class);
        assertThat(log.warnings).isEmpty();
        assertThat(failing.stored.active(org, waba, "+919810012345", clock.instant())).isNotEmpty();

        FailingWrites down = new FailingWrites();
        MessageSends away = new MessageSends(List.of(meta), down, windows, new PassThroughUnitOfWork(),
                new Alerting(new InMemoryAlertRepository()), new RecordingEventPublisher(), log, clock);
        down.failures = 2;
        DeliveryOutcome lost = away.deliver(send(TemplateCategory.UTILITY, "+919810012345"));

        assertThat(lost).isInstanceOf(DeliveryOutcome.Retryable.class);
        assertThat(log.warnings).singleElement().satisfies(w -> assertThat(w).contains("4242")
                .contains("connection refused"));
        assertThat(away.deliver(send(TemplateCategory.UTILITY, "+919810012345")))
                .isInstanceOf(DeliveryOutcome.Permanent.class);
        assertThat(down.stored.active(org, waba, "+919810000000", clock.instant())).isNotEmpty();
    }

    @Test
    void a_131050_is_a_stop_at_the_time_of_meta_s_answer_lifted_only_by_a_resume_said_after_it() {
        refusedWith(SendRefusal.MARKETING_OPT_OUT, send(TemplateCategory.MARKETING, "+919810012345"));
        blocks.prefer(new MarketingPreference(org, waba, "919810012345", MarketingPreference.State.RESUMED,
                clock.instant().minusSeconds(60), "user_preferences: resume (redelivered late)"));
        assertThat(blocks.active(org, waba, "919810012345", clock.instant())).singleElement()
                .satisfies(b -> assertThat(b.since()).isEqualTo(clock.instant()));

        blocks.prefer(new MarketingPreference(org, waba, "919810012345", MarketingPreference.State.RESUMED,
                clock.instant().plusSeconds(60), "user_preferences: resume"));
        assertThat(blocks.active(org, waba, "919810012345", clock.instant())).isEmpty();
    }
}
