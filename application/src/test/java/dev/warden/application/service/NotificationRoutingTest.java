package dev.warden.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.application.port.out.NotificationOutbox;
import dev.warden.application.port.out.NotificationPreferencesStore;
import dev.warden.domain.alert.AlertEvent;
import dev.warden.domain.alert.AlertSeverity;
import dev.warden.domain.alert.AlertSubject;
import dev.warden.domain.alert.AlertType;
import dev.warden.domain.alert.Alerting;
import dev.warden.domain.fixtures.InMemoryAlertRepository;
import dev.warden.domain.fixtures.MutableClock;
import dev.warden.domain.notification.ChannelKind;
import dev.warden.domain.notification.Notification;
import dev.warden.domain.notification.NotificationPreferences;
import dev.warden.domain.notification.NotificationStatus;
import dev.warden.domain.notification.RetryPolicy;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.shared.Page;
import dev.warden.domain.shared.PageRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Routing an alert to people: one notification per routed channel and recipient, quiet repeats, and
 * escalation of an unacknowledged CRITICAL alert after the organisation's delay (controlled clock).
 */
class NotificationRoutingTest {

    private final OrganizationId org = OrganizationId.random();
    private final MutableClock clock = MutableClock.at("2026-12-01T10:00:00Z");
    private final InMemoryAlertRepository alerts = new InMemoryAlertRepository();
    private final Outbox outbox = new Outbox();
    private final Map<OrganizationId, NotificationPreferences> stored = new LinkedHashMap<>();
    private final List<OrganizationId> reads = new ArrayList<>();
    private final NotificationPreferencesStore preferences = new NotificationPreferencesStore() {
        @Override
        public Optional<NotificationPreferences> find(OrganizationId organizationId) {
            reads.add(organizationId);
            return Optional.ofNullable(stored.get(organizationId));
        }

        @Override
        public void save(NotificationPreferences p) {
            stored.put(p.organizationId(), p);
        }
    };
    private final OutboxAlertNotices notices = new OutboxAlertNotices(preferences, outbox,
            new RetryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(1), Map.of(ChannelKind.EMAIL, 5), () -> 0.5),
            clock);
    private final Alerting alerting = new Alerting(alerts, notices);
    private final EscalateAlertsService escalation = new EscalateAlertsService(alerts, preferences, notices,
            new PassThroughUnitOfWork(), clock);

    NotificationRoutingTest() {
        preferences.save(new NotificationPreferences(org, Map.of(AlertSeverity.CRITICAL,
                Set.of(ChannelKind.EMAIL, ChannelKind.SLACK), AlertSeverity.HIGH, Set.of(ChannelKind.EMAIL)),
                List.of("ops@example.com", "cto@example.com"), Optional.of("https://hooks.slack.com/services/x"),
                NotificationPreferences.WhatsAppProvider.MYOPERATOR, List.of("+919812345678"),
                Duration.ofMinutes(10)));
    }

    private AlertEvent.Raised red(String template) {
        return alerting.reassess(org, AlertType.QUALITY_DEGRADED, AlertSeverity.CRITICAL,
                new AlertSubject("TEMPLATE", template), "quality is RED", Map.of(), clock.instant());
    }

    @Test
    void an_alert_goes_to_every_routed_channel_and_recipient_once_with_per_kind_attempts() {
        red("t1");
        red("t1");

        assertThat(outbox.stored()).extracting(n -> n.channel() + " " + n.recipient()).containsExactlyInAnyOrder(
                "EMAIL ops@example.com", "EMAIL cto@example.com", "SLACK https://hooks.slack.com/services/x");
        assertThat(outbox.stored()).allSatisfy(n -> assertThat(n.status()).isEqualTo(NotificationStatus.QUEUED));
        assertThat(outbox.stored()).filteredOn(n -> n.channel() == ChannelKind.EMAIL)
                .allSatisfy(n -> assertThat(n.maxAttempts()).isEqualTo(5));
        assertThat(outbox.stored()).filteredOn(n -> n.channel() == ChannelKind.SLACK)
                .allSatisfy(n -> assertThat(n.maxAttempts()).isEqualTo(3));
        assertThat(outbox.stored().get(0).message().dashboardPath()).startsWith("/alerts/");
    }

    @Test
    void a_batch_reads_each_organisations_routing_once_and_routes_each_alert_by_its_own_organisation() {
        OrganizationId other = OrganizationId.random();
        preferences.save(new NotificationPreferences(other, Map.of(AlertSeverity.CRITICAL, Set.of(ChannelKind.EMAIL)),
                List.of("other@example.com"), Optional.empty(), NotificationPreferences.WhatsAppProvider.MYOPERATOR,
                List.of(), Duration.ofMinutes(10)));
        Alerting batch = new Alerting(alerts, notices.forOneBatch());

        for (OrganizationId organization : List.of(org, other, org, other)) {
            batch.raise(organization, AlertType.TEMPLATE_PAUSED, AlertSeverity.CRITICAL,
                    new AlertSubject("TEMPLATE", UUID.randomUUID().toString()), "paused", Map.of(), clock.instant());
        }

        assertThat(reads).containsExactly(org, other);
        assertThat(outbox.stored()).filteredOn(n -> n.organizationId().equals(other))
                .extracting(Notification::recipient).containsExactly("other@example.com", "other@example.com");
        assertThat(outbox.stored()).filteredOn(n -> n.organizationId().equals(org)).hasSize(6);
        new Alerting(alerts, notices.forOneBatch()).raise(org, AlertType.TEMPLATE_PAUSED, AlertSeverity.CRITICAL,
                new AlertSubject("TEMPLATE", UUID.randomUUID().toString()), "paused", Map.of(), clock.instant());
        assertThat(reads).as("the next batch reads the routing again").containsExactly(org, other, org);
        red("t9");
        assertThat(reads).as("outside a batch, every alert reads the routing as it is now").hasSize(4);
    }

    @Test
    void severities_nobody_routed_and_organisations_without_preferences_tell_nobody() {
        alerting.raise(org, AlertType.TEMPLATE_FLAGGED, AlertSeverity.MEDIUM, new AlertSubject("TEMPLATE", "t"), "m",
                Map.of(), clock.instant());
        alerting.raise(OrganizationId.random(), AlertType.TEMPLATE_PAUSED, AlertSeverity.CRITICAL,
                new AlertSubject("TEMPLATE", "t"), "m", Map.of(), clock.instant());

        assertThat(outbox.stored()).isEmpty();
    }

    @Test
    void an_unacknowledged_critical_alert_is_told_again_after_the_delay_once_however_often_the_check_runs() {
        red("t1");
        int raisedNotifications = outbox.stored().size();

        clock.advance(Duration.ofMinutes(9));
        assertThat(escalation.escalate()).isZero();

        clock.advance(Duration.ofMinutes(2));
        assertThat(escalation.escalate()).isEqualTo(1);
        assertThat(escalation.escalate()).as("a second instance, or the next run").isEqualTo(1);

        assertThat(outbox.stored()).hasSize(raisedNotifications * 2);
        assertThat(outbox.stored().get(raisedNotifications).message().title()).startsWith("Still unacknowledged");
    }

    @Test
    void an_acknowledged_alert_is_not_escalated() {
        AlertEvent.Raised raised = red("t2");
        var alert = alerts.findById(org, raised.alertId()).orElseThrow();
        alert.acknowledge("alice", clock.instant());
        alerts.update(alert);

        clock.advance(Duration.ofHours(1));

        assertThat(escalation.escalate()).isZero();
    }

    @Test
    void a_failing_channel_is_told_about_on_the_other_channels_only() {
        alerting.raise(org, AlertType.NOTIFICATION_CHANNEL_FAILING, AlertSeverity.HIGH,
                new AlertSubject("CHANNEL", "EMAIL"), "e-mail is failing", Map.of(), clock.instant());
        alerting.raise(org, AlertType.NOTIFICATION_CHANNEL_FAILING, AlertSeverity.CRITICAL,
                new AlertSubject("CHANNEL", "EMAIL"), "e-mail is failing", Map.of(), clock.instant());

        assertThat(outbox.stored()).extracting(Notification::channel).containsExactly(ChannelKind.SLACK);
    }

    /** Keeps what is enqueued, one per dedupe key as the database's unique key does. */
    private static final class Outbox implements NotificationOutbox {

        private final Map<String, Notification> byKey = new LinkedHashMap<>();

        List<Notification> stored() {
            return new ArrayList<>(byKey.values());
        }

        @Override
        public void enqueue(List<Notification> notifications) {
            notifications.forEach(n -> byKey.putIfAbsent(n.organizationId() + n.dedupeKey(), n));
        }

        @Override
        public List<Notification> claimDue(Instant now, Instant claimUntil, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Set<UUID> recordAll(List<Outcome> outcomes) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Notification> find(OrganizationId organizationId, UUID id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Notification> findByDedupeKey(OrganizationId organizationId, String dedupeKey) {
            return Optional.ofNullable(byKey.get(organizationId + dedupeKey));
        }

        @Override
        public Optional<OrganizationId> ownerOf(UUID id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Page<Notification> list(Filter filter, PageRequest page) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<ChannelHealth> health(OrganizationId organizationId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean replay(OrganizationId organizationId, UUID id, Instant now, int moreAttempts) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int purgeSent(Instant sentBefore, int limit) {
            throw new UnsupportedOperationException();
        }
    }
}
