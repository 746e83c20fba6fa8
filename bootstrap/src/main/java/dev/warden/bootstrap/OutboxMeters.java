package dev.warden.bootstrap;

import dev.warden.application.port.out.NotificationBacklog;
import dev.warden.application.port.out.NotificationBacklog.Backlog;
import dev.warden.application.port.out.UnitOfWork;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Outbox gauges: notifications waiting to go out ({@code warden_outbox_notifications}) and how long
 * the one due next has been due ({@code warden_outbox_lag_seconds}). Read as the inbox gauges are
 * ({@link InboxBacklogReader}): in a transaction, at most every few seconds, and through providers
 * looked up on first use, because the meter registry is built while the data source is. While the
 * database is away a scrape shows the last values read.
 */
@Singleton
final class OutboxMeters implements MeterBinder {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxMeters.class);
    private static final Duration FRESH_FOR = Duration.ofSeconds(5);

    private final Provider<NotificationBacklog> outbox;
    private final Provider<UnitOfWork> unitOfWork;
    private final Clock clock;
    private Backlog last = new Backlog(0, Optional.empty());
    private Instant readAt = Instant.MIN;

    OutboxMeters(Provider<NotificationBacklog> outbox, Provider<UnitOfWork> unitOfWork, Clock clock) {
        this.outbox = outbox;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("warden.outbox.notifications", this, meters -> meters.backlog().waiting())
                .description("Notifications waiting to go out: queued, retrying or being sent").register(registry);
        Gauge.builder("warden.outbox.lag", this, meters -> meters.backlog().lagAt(clock.instant()).toMillis() / 1000.0)
                .description("How long the notification due next has been due: how far the dispatchers are behind")
                .baseUnit("seconds").register(registry);
    }

    private synchronized Backlog backlog() {
        Instant now = clock.instant();
        if (Duration.between(readAt, now).compareTo(FRESH_FOR) > 0) {
            try {
                last = unitOfWork.get().inTransaction(() -> outbox.get().backlog());
                readAt = now;
            } catch (RuntimeException e) {
                LOG.debug("Outbox gauges kept their last values: {}", e.toString());
            }
        }
        return last;
    }
}
