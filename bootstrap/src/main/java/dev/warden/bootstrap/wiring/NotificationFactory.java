package dev.warden.bootstrap.wiring;

import dev.warden.adapters.meta.graph.GraphHttp;
import dev.warden.adapters.meta.graph.GraphSettings;
import dev.warden.adapters.meta.graph.GraphWhatsAppChannel;
import dev.warden.adapters.meta.graph.MetaAlertSettings;
import dev.warden.adapters.notify.email.SmtpEmailChannel;
import dev.warden.adapters.notify.myoperator.MyOperatorSettings;
import dev.warden.adapters.notify.myoperator.MyOperatorWhatsAppChannel;
import dev.warden.adapters.notify.slack.SlackWebhookChannel;
import dev.warden.application.port.in.DispatchNotificationsUseCase;
import dev.warden.application.port.in.EscalateAlertsUseCase;
import dev.warden.application.port.in.NotificationPreferencesUseCase;
import dev.warden.application.port.in.NotificationsUseCase;
import dev.warden.application.port.in.PurgeNotificationsUseCase;
import dev.warden.application.port.in.ReplayNotificationUseCase;
import dev.warden.application.port.in.SaveNotificationPreferencesUseCase;
import dev.warden.application.port.in.SendStatsUseCase;
import dev.warden.application.port.out.NotificationChannel;
import dev.warden.application.port.out.NotificationMetrics;
import dev.warden.application.port.out.NotificationOutbox;
import dev.warden.application.port.out.NotificationPreferencesStore;
import dev.warden.application.port.out.SendStatistics;
import dev.warden.application.port.out.ServerLog;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.application.service.CampaignDispatch;
import dev.warden.application.service.DispatchNotificationsService;
import dev.warden.application.service.EscalateAlertsService;
import dev.warden.application.service.MessageSends;
import dev.warden.application.service.NotificationPreferencesService;
import dev.warden.application.service.NotificationsService;
import dev.warden.application.service.OutboxAlertNotices;
import dev.warden.application.service.PurgeSentNotificationsService;
import dev.warden.application.service.ReplayNotificationService;
import dev.warden.application.service.SaveNotificationPreferencesService;
import dev.warden.application.service.SendStatsService;
import dev.warden.domain.alert.AlertNotices;
import dev.warden.domain.alert.AlertRepository;
import dev.warden.domain.alert.Alerting;
import dev.warden.domain.audit.AuditTrail;
import dev.warden.domain.notification.ChannelKind;
import dev.warden.domain.notification.RetryPolicy;
import dev.warden.domain.organization.OrganizationRepository;
import dev.warden.domain.sending.SendDeliveryRepository;
import dev.warden.domain.shared.DomainEventPublisher;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.value.PropertyResolver;
import jakarta.inject.Singleton;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the notification outbox's use cases and the channels the configuration enables: e-mail
 * when WARDEN_SMTP_HOST is set, WhatsApp through MyOperator when WARDEN_MYOPERATOR_API_KEY is set,
 * WhatsApp through Meta's Cloud API when WARDEN_META_ALERT_PHONE_NUMBER_ID and WARDEN_META_ACCESS_TOKEN
 * are set, Slack always (each organisation brings its own webhook URL).
 */
@Factory
class NotificationFactory {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationFactory.class);

    @Singleton
    NotifySettings notifySettings(PropertyResolver properties) {
        return NotifySettings.from(properties);
    }

    @Singleton
    RetryPolicy notificationRetryPolicy(@Value("${warden.notify.retry.base:1s}") Duration base,
                                        @Value("${warden.notify.retry.cap:5m}") Duration cap,
                                        @Value("${warden.notify.max-attempts.email:3}") int email,
                                        @Value("${warden.notify.max-attempts.slack:3}") int slack,
                                        @Value("${warden.notify.max-attempts.whatsapp:3}") int whatsapp) {
        return new RetryPolicy(base, cap, Map.of(ChannelKind.EMAIL, email, ChannelKind.SLACK, slack,
                ChannelKind.WHATSAPP, whatsapp), () -> ThreadLocalRandom.current().nextDouble());
    }

    @Singleton
    AlertNotices alertNotices(NotificationPreferencesStore preferences, NotificationOutbox outbox,
                              RetryPolicy retryPolicy, Clock clock) {
        return new OutboxAlertNotices(preferences, outbox, retryPolicy, clock);
    }

    @Singleton
    DispatchNotificationsUseCase dispatchNotifications(NotificationOutbox outbox,
                                                       NotificationPreferencesStore preferences,
                                                       RetryPolicy retryPolicy, UnitOfWork unitOfWork,
                                                       Alerting alerting, DomainEventPublisher publisher,
                                                       ServerLog log, Clock clock, NotifySettings settings,
                                                       GraphHttp graph, GraphSettings graphSettings,
                                                       MessageSends messageSends, CampaignDispatch campaigns,
                                                       NotificationMetrics metrics) {
        return new DispatchNotificationsService(outbox, preferences, channels(settings, graph, graphSettings),
                retryPolicy, unitOfWork, alerting, publisher, log, clock, new DispatchNotificationsService.Settings(
                        claimTimeout(settings), settings.batchSize(), deliveries(settings.concurrency())), messageSends,
                campaigns, metrics);
    }

    /**
     * A claim must outlive the slowest batch, or a second dispatcher would take notifications the first
     * is still sending. Every dispatcher's batch shares the delivery threads, and one try may wait on
     * connect, read and write (an SMTP try): the slowest batch is three timeouts per round of calls.
     */
    static Duration claimTimeout(NotifySettings settings) {
        long calls = (long) settings.workerThreads() * settings.batchSize();
        long rounds = (calls + settings.concurrency() - 1) / settings.concurrency();
        Duration slowestBatch = settings.timeout().multipliedBy(3L * rounds);
        return settings.claimTimeout().compareTo(slowestBatch) > 0 ? settings.claimTimeout() : slowestBatch;
    }

    /**
     * The threads provider calls run on: they wait on the network, not the CPU, so there are more of
     * them than cores. Daemon threads that end when idle, so an instance that sends nothing keeps none.
     */
    private static Executor deliveries(int concurrency) {
        AtomicInteger numbers = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(concurrency, concurrency, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "notify-delivery-" + numbers.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    @Singleton
    NotificationPreferencesUseCase notificationPreferences(NotificationPreferencesStore store, UnitOfWork unitOfWork) {
        return new NotificationPreferencesService(store, unitOfWork);
    }

    @Singleton
    SaveNotificationPreferencesUseCase saveNotificationPreferences(NotificationPreferencesStore store,
                                                                   OrganizationRepository organizations,
                                                                   UnitOfWork unitOfWork, AuditTrail audit,
                                                                   Clock clock, NotifySettings settings) {
        return new SaveNotificationPreferencesService(store, organizations, unitOfWork, audit, clock,
                settings.allowPlainHttpSlack());
    }

    @Singleton
    NotificationsUseCase notifications(NotificationOutbox outbox, SendDeliveryRepository deliveries,
                                       UnitOfWork unitOfWork) {
        return new NotificationsService(outbox, deliveries, unitOfWork);
    }

    @Singleton
    SendStatsUseCase sendStats(SendStatistics statistics, UnitOfWork unitOfWork, Clock clock) {
        return new SendStatsService(statistics, unitOfWork, clock);
    }

    @Singleton
    ReplayNotificationUseCase replayNotification(NotificationOutbox outbox, UnitOfWork unitOfWork,
                                                 RetryPolicy retryPolicy, AuditTrail audit, Clock clock) {
        return new ReplayNotificationService(outbox, unitOfWork, retryPolicy, audit, clock);
    }

    @Singleton
    PurgeNotificationsUseCase purgeNotifications(NotificationOutbox outbox, UnitOfWork unitOfWork,
                                                 @Value("${warden.notify.retention.period:30d}") Duration retention,
                                                 Clock clock) {
        return new PurgeSentNotificationsService(outbox, unitOfWork, retention, clock);
    }

    @Singleton
    EscalateAlertsUseCase escalateAlerts(AlertRepository alerts, NotificationPreferencesStore preferences,
                                         AlertNotices notices, UnitOfWork unitOfWork, Clock clock) {
        return new EscalateAlertsService(alerts, preferences, notices, unitOfWork, clock);
    }

    private static List<NotificationChannel> channels(NotifySettings s, GraphHttp graph, GraphSettings graphSettings) {
        // HTTP/1.1: webhook posts are single small requests; a redirect is not followed (the URL is the contract).
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(s.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
        List<NotificationChannel> channels = new ArrayList<>();
        channels.add(new SlackWebhookChannel(http, s.dashboardUrl(), s.timeout()));
        s.smtp().ifPresent(smtp -> {
            channels.add(new SmtpEmailChannel(smtp));
            LOG.info("Notifications: e-mail through {}", smtp);
        });
        if (!s.myOperatorApiKey().isBlank()) {
            MyOperatorSettings myOperator = new MyOperatorSettings(s.myOperatorUrl(), s.myOperatorApiKey(),
                    s.myOperatorCompanyId(), s.myOperatorPhoneNumberId(), s.myOperatorTemplate(),
                    s.myOperatorLanguage(), s.dashboardUrl(), s.timeout());
            channels.add(new MyOperatorWhatsAppChannel(http, myOperator));
            LOG.info("Notifications: WhatsApp through {}", myOperator);
        }
        if (!s.metaAlertPhoneNumberId().isBlank()) {
            if (graphSettings.hasToken()) {
                channels.add(new GraphWhatsAppChannel(graph, new MetaAlertSettings(s.metaAlertPhoneNumberId(),
                        s.metaAlertTemplate(), s.metaAlertTemplateLanguage(), s.dashboardUrl(), s.timeout())));
                LOG.info("Notifications: WhatsApp through Meta's Cloud API from phone number id {}, template {} ({})",
                        s.metaAlertPhoneNumberId(), s.metaAlertTemplate(), s.metaAlertTemplateLanguage());
            } else {
                LOG.warn("Notifications: WARDEN_META_ALERT_PHONE_NUMBER_ID is set but WARDEN_META_ACCESS_TOKEN is not:"
                        + " WhatsApp alerts through Meta fail until it is");
            }
        }
        return channels.stream().<NotificationChannel>map(LoggedNotificationChannel::new).toList();
    }
}
