package dev.warden.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.application.port.out.NotificationChannel;
import dev.warden.application.port.out.NotificationOutbox;
import dev.warden.application.port.out.NotificationPreferencesStore;
import dev.warden.application.port.out.ServerLog;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.alert.AlertEvent;
import dev.warden.domain.alert.AlertFilter;
import dev.warden.domain.alert.AlertSeverity;
import dev.warden.domain.alert.AlertSnapshot;
import dev.warden.domain.alert.AlertStore;
import dev.warden.domain.alert.AlertState;
import dev.warden.domain.alert.AlertType;
import dev.warden.domain.alert.Alerting;
import dev.warden.domain.fixtures.InMemoryAlertRepository;
import dev.warden.domain.fixtures.MutableClock;
import dev.warden.domain.fixtures.RecordingEventPublisher;
import dev.warden.domain.notification.ChannelKind;
import dev.warden.domain.notification.DeliveryOutcome;
import dev.warden.domain.notification.Notification;
import dev.warden.domain.notification.NotificationMessage;
import dev.warden.domain.notification.NotificationPreferences;
import dev.warden.domain.notification.NotificationPreferences.WhatsAppProvider;
import dev.warden.domain.notification.NotificationStatus;
import dev.warden.domain.notification.RetryPolicy;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.shared.Page;
import dev.warden.domain.shared.PageRequest;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The dispatcher with fake channels: WhatsApp goes through the provider the organisation names at
 * the time of the try, a channel that cannot send raises its alert and its next delivery resolves it,
 * and the retention refuses to forget faster than a day.
 */
class DispatchNotificationsServiceTest {

    /** Calls one after the other on the dispatcher's thread: what the fakes below expect. */
    private static final DispatchNotificationsService.Settings SAME_THREAD =
            new DispatchNotificationsService.Settings(Duration.ofMinutes(5), 10, Runnable::run);

    private final OrganizationId org = OrganizationId.random();
    private final MutableClock clock = MutableClock.at("2026-12-01T10:00:00Z");
    private final InMemoryAlertRepository alerts = new InMemoryAlertRepository();
    /** The alert table, which fails its next {@code alertFailures} calls as a database that is down would. */
    private int alertFailures;
    private final AlertStore store = (AlertStore) Proxy.newProxyInstance(AlertStore.class.getClassLoader(),
            new Class<?>[] {AlertStore.class}, (proxy, method, args) -> {
                if (alertFailures > 0) {
                    alertFailures--;
                    throw new IllegalStateException("the alert table cannot be read");
                }
                try {
                    return method.invoke(alerts, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            });
    private final RecordingEventPublisher events = new RecordingEventPublisher();
    private final Log log = new Log();
    private final Outbox outbox = new Outbox();
    private final Map<OrganizationId, NotificationPreferences> stored = new HashMap<>();
    private final Channel myOperator = new Channel(ChannelKind.WHATSAPP, WhatsAppProvider.MYOPERATOR);
    private final Channel meta = new Channel(ChannelKind.WHATSAPP, WhatsAppProvider.META);
    private final Channel email = new Channel(ChannelKind.EMAIL, null);
    private final List<String> counted = new ArrayList<>();
    private final NotificationPreferencesStore preferences = new NotificationPreferencesStore() {
        @Override
        public Optional<NotificationPreferences> find(OrganizationId organizationId) {
            return Optional.ofNullable(stored.get(organizationId));
        }

        @Override
        public void save(NotificationPreferences preferences) {
            stored.put(preferences.organizationId(), preferences);
        }
    };
    private final RetryPolicy retry = new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), Map.of(), () -> 0.0);
    private final DispatchNotificationsService dispatch = new DispatchNotificationsService(outbox, preferences,
            List.of(myOperator, meta, email), retry, outbox.unitOfWork(), new Alerting(store), events, log, clock,
            SAME_THREAD, noSends(), noCampaigns(),
            (channel, status) -> counted.add(channel + " " + status));

    private void provider(WhatsAppProvider provider) {
        stored.put(org, new NotificationPreferences(org, Map.of(), List.of(), Optional.empty(), provider,
                List.of("+919812345678"), Duration.ofMinutes(30)));
    }

    private Notification queue(ChannelKind channel, String recipient) {
        Notification n = Notification.queue(org, Optional.of(UUID.randomUUID()), UUID.randomUUID().toString(), channel,
                recipient, new NotificationMessage(AlertSeverity.CRITICAL, "t", "x", Map.of(), "/alerts/1"), 3,
                clock.instant());
        outbox.enqueue(List.of(n));
        return n;
    }

    @Test
    void an_error_in_one_delivery_is_that_one_s_retry_and_the_rest_of_the_batch_is_recorded() {
        Notification broken = queue(ChannelKind.EMAIL, "a@example.com");
        Notification fine = queue(ChannelKind.EMAIL, "b@example.com");
        email.throwNext = new NoClassDefFoundError("dev/warden/Missing");

        assertThat(dispatch.dispatchNext()).isEqualTo(2);

        assertThat(outbox.byId.get(broken.id()).status()).isEqualTo(NotificationStatus.RETRYING);
        assertThat(outbox.byId.get(broken.id()).lastError().orElseThrow())
                .contains("java.lang.NoClassDefFoundError").contains("dev/warden/Missing");
        assertThat(outbox.byId.get(fine.id()).status()).isEqualTo(NotificationStatus.SENT);
        assertThat(email.tried).hasSize(2);
    }

    @Test
    void a_record_that_fails_is_tried_again_up_to_three_times_without_sending_again() {
        Notification n = queue(ChannelKind.EMAIL, "a@example.com");
        outbox.recordFailures = DispatchNotificationsService.RECORD_ATTEMPTS - 1;

        dispatch.dispatchNext();

        assertThat(outbox.byId.get(n.id()).status()).isEqualTo(NotificationStatus.SENT);
        assertThat(email.tried).hasSize(1);
        assertThat(log.warnings).hasSize(DispatchNotificationsService.RECORD_ATTEMPTS - 1)
                .allSatisfy(w -> assertThat(w).contains("the outbox cannot be written"));

        Notification lost = queue(ChannelKind.EMAIL, "b@example.com");
        outbox.recordFailures = DispatchNotificationsService.RECORD_ATTEMPTS;
        assertThatThrownBy(dispatch::dispatchNext)
                .hasMessageContaining("the outbox cannot be written");
        assertThat(outbox.byId.get(lost.id()).status()).as("left to its claim's expiry")
                .isEqualTo(NotificationStatus.SENDING);
    }

    @Test
    void whatsapp_goes_through_the_provider_the_organisation_names_when_it_is_tried() {
        provider(WhatsAppProvider.MYOPERATOR);
        queue(ChannelKind.WHATSAPP, "+919812345678");
        dispatch.dispatchNext();

        provider(WhatsAppProvider.META);
        queue(ChannelKind.WHATSAPP, "+919812345678");
        dispatch.dispatchNext();

        assertThat(myOperator.tried).hasSize(1);
        assertThat(meta.tried).hasSize(1);
        assertThat(outbox.statuses()).containsOnly(NotificationStatus.SENT);
        assertThat(counted).as("each recorded try counted by channel and outcome")
                .containsExactly("WHATSAPP SENT", "WHATSAPP SENT");
    }

    @Test
    void an_organisation_without_preferences_is_sent_through_myoperator_and_a_provider_not_configured_fails() {
        queue(ChannelKind.WHATSAPP, "+919812345678");
        dispatch.dispatchNext();
        assertThat(myOperator.tried).hasSize(1);

        DispatchNotificationsService withoutMeta = new DispatchNotificationsService(outbox,
                new NotificationPreferencesStore() {
                    @Override
                    public Optional<NotificationPreferences> find(OrganizationId organizationId) {
                        return Optional.of(new NotificationPreferences(org, Map.of(), List.of(), Optional.empty(),
                                WhatsAppProvider.META, List.of(), Duration.ofMinutes(30)));
                    }

                    @Override
                    public void save(NotificationPreferences preferences) {
                    }
                }, List.of(myOperator), retry, outbox.unitOfWork(), new Alerting(alerts), events, log, clock,
                SAME_THREAD, noSends(), noCampaigns(), (channel, status) -> { });
        Notification lost = queue(ChannelKind.WHATSAPP, "+919812345678");
        withoutMeta.dispatchNext();

        assertThat(outbox.byId.get(lost.id()).status()).isEqualTo(NotificationStatus.FAILED);
        assertThat(outbox.byId.get(lost.id()).lastError()).contains("no WHATSAPP channel is configured for provider META");
        assertThat(channelAlerts(AlertState.OPEN)).hasSize(1);
    }

    @Test
    void a_broken_channel_raises_its_alert_and_its_next_delivery_resolves_it() {
        email.answers.add(new DeliveryOutcome.Permanent("535 authentication failed", true));
        queue(ChannelKind.EMAIL, "ops@example.com");
        dispatch.dispatchNext();
        assertThat(channelAlerts(AlertState.OPEN)).singleElement()
                .satisfies(a -> assertThat(a.message()).contains("535 authentication failed"));

        // A batch where the channel both failed and delivered leaves the alert open.
        email.answers.add(new DeliveryOutcome.Permanent("535 authentication failed", true));
        email.answers.add(DeliveryOutcome.sent("<2@warden>"));
        queue(ChannelKind.EMAIL, "a@example.com");
        queue(ChannelKind.EMAIL, "b@example.com");
        clock.advance(Duration.ofSeconds(1));
        dispatch.dispatchNext();
        assertThat(channelAlerts(AlertState.OPEN)).hasSize(1);

        email.answers.add(DeliveryOutcome.sent("<3@warden>"));
        queue(ChannelKind.EMAIL, "c@example.com");
        clock.advance(Duration.ofSeconds(1));
        dispatch.dispatchNext();

        assertThat(channelAlerts(AlertState.OPEN)).isEmpty();
        assertThat(channelAlerts(AlertState.RESOLVED)).hasSize(1);
        assertThat(events.published(AlertEvent.Resolved.class)).singleElement()
                .satisfies(e -> assertThat(e.type()).isEqualTo(AlertType.NOTIFICATION_CHANNEL_FAILING));
    }

    @Test
    void a_delivery_on_another_channel_resolves_nothing() {
        email.answers.add(new DeliveryOutcome.Permanent("535 authentication failed", true));
        queue(ChannelKind.EMAIL, "ops@example.com");
        dispatch.dispatchNext();

        queue(ChannelKind.WHATSAPP, "+919812345678");
        dispatch.dispatchNext();

        assertThat(channelAlerts(AlertState.OPEN)).hasSize(1);
    }

    @Test
    void a_batch_is_in_flight_together_and_its_outcomes_are_recorded_together() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            DispatchNotificationsService concurrent = new DispatchNotificationsService(outbox, preferences,
                    List.of(email), retry, outbox.unitOfWork(), new Alerting(store), events, log, clock,
                    new DispatchNotificationsService.Settings(Duration.ofMinutes(5), 10, pool), noSends(), noCampaigns(),
                    (channel, status) -> { });
            // Each call waits for the other two: all three pass only if they are in flight at once.
            email.together = new CyclicBarrier(3);
            email.answers.add(DeliveryOutcome.retryable("503"));
            queue(ChannelKind.EMAIL, "a@example.com");
            queue(ChannelKind.EMAIL, "b@example.com");
            queue(ChannelKind.EMAIL, "c@example.com");

            assertThat(concurrent.dispatchNext()).isEqualTo(3);
        } finally {
            pool.shutdownNow();
        }

        assertThat(email.tried).hasSize(3);
        assertThat(outbox.recordedBatches).as("one record for the batch").containsExactly(3);
        assertThat(outbox.statuses()).containsExactlyInAnyOrder(NotificationStatus.SENT, NotificationStatus.SENT,
                NotificationStatus.RETRYING);
    }

    @Test
    void outcomes_stay_recorded_when_the_channel_alerts_fail_and_nothing_is_sent_again() {
        alertFailures = Integer.MAX_VALUE;
        email.answers.add(new DeliveryOutcome.Permanent("535 authentication failed", true));
        Notification refused = queue(ChannelKind.EMAIL, "a@example.com");
        dispatch.dispatchNext();

        assertThat(outbox.byId.get(refused.id()).status()).isEqualTo(NotificationStatus.FAILED);
        assertThat(log.warnings).singleElement().satisfies(w -> assertThat(w)
                .contains("raise the alert that EMAIL notifications fail").contains("the alert table cannot be read"));

        Notification delivered = queue(ChannelKind.EMAIL, "b@example.com");
        clock.advance(Duration.ofSeconds(1));
        dispatch.dispatchNext();

        assertThat(outbox.byId.get(delivered.id()).status()).isEqualTo(NotificationStatus.SENT);
        assertThat(log.warnings).hasSize(2).last().asString().contains("look for the alerts of channels that delivered");
        assertThat(dispatch.dispatchNext()).as("nothing is sent again").isZero();
        assertThat(email.tried).hasSize(2);

        // The database is back: the channel's next refusal raises the alert.
        alertFailures = 0;
        email.answers.add(new DeliveryOutcome.Permanent("535 authentication failed", true));
        queue(ChannelKind.EMAIL, "c@example.com");
        dispatch.dispatchNext();
        assertThat(channelAlerts(AlertState.OPEN)).hasSize(1);
    }

    @Test
    void a_channel_alert_that_fails_once_as_when_another_dispatcher_raced_it_is_raised_on_the_second_try() {
        alertFailures = 1;
        email.answers.add(new DeliveryOutcome.Permanent("535 authentication failed", true));
        queue(ChannelKind.EMAIL, "a@example.com");
        dispatch.dispatchNext();

        assertThat(channelAlerts(AlertState.OPEN)).hasSize(1);
        assertThat(log.warnings).isEmpty();
    }

    @Test
    void the_retention_is_at_least_a_day_and_the_purge_runs_in_batches_until_one_is_short() {
        assertThatThrownBy(() -> new PurgeSentNotificationsService(outbox, new PassThroughUnitOfWork(),
                Duration.ofHours(23), clock)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 day");
        outbox.purgeable = ChunkedPurge.CHUNK * 2 + 7;

        int purged = new PurgeSentNotificationsService(outbox, new PassThroughUnitOfWork(), Duration.ofDays(30), clock)
                .purge();

        assertThat(purged).isEqualTo(ChunkedPurge.CHUNK * 2 + 7);
        assertThat(outbox.purgeCutoffs).containsOnly(clock.instant().minus(Duration.ofDays(30))).hasSize(3);
    }

    private List<AlertSnapshot> channelAlerts(AlertState state) {
        return alerts.list(new AlertFilter(Optional.of(org), Optional.of(state), Optional.empty(),
                Optional.of(AlertType.NOTIFICATION_CHANNEL_FAILING), Optional.empty(), Optional.empty()),
                PageRequest.first()).items();
    }

    /** The server log's warnings, with their cause. */
    private static final class Log implements ServerLog {

        final List<String> warnings = new ArrayList<>();

        @Override
        public void internalError(String reference, String what, Throwable cause) {
            throw new AssertionError("not expected: " + what, cause);
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

    /** A channel that answers what it is told (sent by default) and remembers what it was given. */
    private static final class Channel implements NotificationChannel {

        private final ChannelKind kind;
        private final WhatsAppProvider provider;
        final List<Notification> tried = new ArrayList<>();
        final LinkedList<DeliveryOutcome> answers = new LinkedList<>();
        /** When set, each call waits here for the others (a safety bound, not a measurement). */
        CyclicBarrier together;
        /** Thrown by the next call instead of an answer: a defect no channel sorts. */
        Error throwNext;

        Channel(ChannelKind kind, WhatsAppProvider provider) {
            this.kind = kind;
            this.provider = provider;
        }

        @Override
        public ChannelKind kind() {
            return kind;
        }

        @Override
        public Optional<WhatsAppProvider> whatsAppProvider() {
            return Optional.ofNullable(provider);
        }

        @Override
        public DeliveryOutcome deliver(Notification notification) {
            if (together != null) {
                try {
                    together.await(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    return DeliveryOutcome.retryable("not in flight together: " + e);
                }
            }
            synchronized (this) {
                tried.add(notification);
                if (throwNext != null) {
                    Error error = throwNext;
                    throwNext = null;
                    throw error;
                }
                return answers.isEmpty() ? DeliveryOutcome.sent("id-" + tried.size()) : answers.removeFirst();
            }
        }
    }

    /**
     * Claims whatever is due, in the order stored; records outcomes as the database would: claims and
     * outcomes take effect when their unit of work ends normally, and are rolled back when it throws.
     */
    private static final class Outbox implements NotificationOutbox {

        final Map<UUID, Notification> byId = new LinkedHashMap<>();
        private final Map<UUID, Notification> staged = new LinkedHashMap<>();
        final List<Integer> recordedBatches = new ArrayList<>();
        /** The next record transactions that fail, as a database that is briefly away. */
        int recordFailures;

        UnitOfWork unitOfWork() {
            return new UnitOfWork() {
                @Override
                public <T> T inTransaction(Supplier<T> work) {
                    try {
                        T result = work.get();
                        byId.putAll(staged);
                        return result;
                    } finally {
                        staged.clear();
                    }
                }
            };
        }
        int purgeable;
        final List<Instant> purgeCutoffs = new ArrayList<>();

        List<NotificationStatus> statuses() {
            return byId.values().stream().map(Notification::status).collect(Collectors.toList());
        }

        @Override
        public void enqueue(List<Notification> notifications) {
            notifications.forEach(n -> byId.put(n.id(), n));
        }

        @Override
        public List<Notification> claimDue(Instant now, Instant claimUntil, int limit) {
            List<Notification> claimed = new ArrayList<>();
            for (Notification n : byId.values()) {
                boolean due = Set.of(NotificationStatus.QUEUED, NotificationStatus.RETRYING).contains(n.status())
                        && !n.nextAttemptAt().isAfter(now);
                if (due && claimed.size() < limit) {
                    claimed.add(with(n, NotificationStatus.SENDING, n.attempts() + 1, Optional.empty()));
                }
            }
            claimed.forEach(n -> staged.put(n.id(), n));
            return claimed;
        }

        @Override
        public Set<UUID> recordAll(List<Outcome> outcomes) {
            if (recordFailures > 0) {
                recordFailures--;
                throw new IllegalStateException("the outbox cannot be written");
            }
            recordedBatches.add(outcomes.size());
            outcomes.forEach(o -> staged.put(o.claimed().id(), with(o.claimed(), o.status(), o.claimed().attempts(),
                    o.error())));
            return outcomes.stream().map(o -> o.claimed().id()).collect(Collectors.toSet());
        }

        private static Notification with(Notification n, NotificationStatus status, int attempts,
                                         Optional<String> error) {
            return new Notification(n.id(), n.organizationId(), n.alertId(), n.dedupeKey(), n.channel(),
                    n.recipient(), n.message(), status, attempts, n.maxAttempts(), n.createdAt(), n.nextAttemptAt(),
                    error.or(n::lastError), n.providerMessageId(), List.of(), n.outbound());
        }

        @Override
        public Optional<Notification> find(OrganizationId organizationId, UUID id) {
            return Optional.ofNullable(byId.get(id));
        }

        @Override
        public Optional<Notification> findByDedupeKey(OrganizationId organizationId, String dedupeKey) {
            return byId.values().stream().filter(n -> n.organizationId().equals(organizationId)
                    && n.dedupeKey().equals(dedupeKey)).findFirst();
        }

        @Override
        public Optional<OrganizationId> ownerOf(UUID id) {
            return find(null, id).map(Notification::organizationId);
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
            purgeCutoffs.add(sentBefore);
            int purged = Math.min(limit, purgeable);
            purgeable -= purged;
            return purged;
        }
    }

    /** No notification of these tests is a campaign's send: the campaign port is never asked. */
    private CampaignDispatch noCampaigns() {
        return new CampaignDispatch(new dev.warden.application.port.out.CampaignSends() {
            @Override
            public Optional<dev.warden.domain.sending.Sender> sender(OrganizationId organizationId,
                                                                     dev.warden.domain.campaign.CampaignId campaignId) {
                throw new AssertionError("not a campaign send");
            }

            @Override
            public Optional<dev.warden.domain.sending.Sender> fixSender(OrganizationId organizationId,
                    dev.warden.domain.campaign.CampaignId campaignId, dev.warden.domain.sending.Sender sender) {
                throw new AssertionError("not a campaign send");
            }

            @Override
            public int add(List<Notification> sends) {
                throw new AssertionError("not a campaign send");
            }

            @Override
            public dev.warden.domain.campaign.CampaignStatus statusOf(OrganizationId organizationId,
                    dev.warden.domain.campaign.CampaignId campaignId) {
                throw new AssertionError("not a campaign send");
            }

            @Override
            public int dropWaiting(OrganizationId organizationId, dev.warden.domain.campaign.CampaignId campaignId,
                                   String reason, java.time.Instant now) {
                throw new AssertionError("not a campaign send");
            }

            @Override
            public int dropWaitingOfCancelled(String reason, java.time.Instant now) {
                throw new AssertionError("not a campaign send");
            }

            @Override
            public Optional<dev.warden.domain.template.TemplateId> fallbackOf(
                    OrganizationId organizationId, dev.warden.domain.campaign.CampaignId campaignId) {
                throw new AssertionError("not a campaign send");
            }

            @Override
            public void storeChoice(Notification send) {
                throw new AssertionError("not a campaign send");
            }

            @Override
            public Map<dev.warden.domain.campaign.CampaignId, dev.warden.domain.campaign.CampaignProgress> progress(
                    OrganizationId organizationId, java.util.Collection<dev.warden.domain.campaign.CampaignId> ids) {
                throw new AssertionError("not a campaign send");
            }
        }, new dev.warden.domain.fixtures.InMemorySendBlocks(), new dev.warden.domain.fixtures.InMemoryTemplateRepository(),
                new FallbackUseAlert(new PassThroughUnitOfWork(), new Alerting(alerts), events, log, clock),
                new PassThroughUnitOfWork(), clock, 10);
    }

    private MessageSends noSends() {
        return new MessageSends(List.of(), new dev.warden.domain.fixtures.InMemorySendBlocks(),
                new dev.warden.domain.fixtures.InMemoryCustomerServiceWindows(), new PassThroughUnitOfWork(),
                new Alerting(alerts), events, log, clock);
    }
}
