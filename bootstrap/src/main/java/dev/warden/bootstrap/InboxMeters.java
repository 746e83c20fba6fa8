package dev.warden.bootstrap;

import dev.warden.application.port.out.WebhookInbox;
import dev.warden.application.port.out.WebhookInbox.InboxBacklog;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Inbox gauges: changes waiting ({@code warden_inbox_changes{state}}) and how far processing is
 * behind ({@code warden_inbox_lag_seconds}: the age of the oldest pending change). One query serves
 * all of them for a few seconds, so a scrape, or several scrapers, never load the database.
 */
@Singleton
final class InboxMeters implements MeterBinder {

    private static final Logger LOG = LoggerFactory.getLogger(InboxMeters.class);
    private static final Duration FRESH_FOR = Duration.ofSeconds(5);

    private final WebhookInbox inbox;
    private final Clock clock;
    private InboxBacklog last = new InboxBacklog(0, Optional.empty(), 0, 0);
    private Instant readAt = Instant.MIN;

    InboxMeters(WebhookInbox inbox, Clock clock) {
        this.inbox = inbox;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        gauge(registry, "warden.inbox.changes", "pending", "Changes waiting to be applied", InboxBacklog::pending);
        gauge(registry, "warden.inbox.changes", "unroutable", "Changes for WABAs no organisation registered",
                InboxBacklog::unroutable);
        gauge(registry, "warden.inbox.changes", "dead", "Dead letters waiting for a replay", InboxBacklog::dead);
        Gauge.builder("warden.inbox.lag", this, meters -> meters.lagSeconds())
                .description("Age of the oldest pending change: how far processing is behind")
                .baseUnit("seconds").register(registry);
    }

    private void gauge(MeterRegistry registry, String name, String state, String description,
                       ToDoubleFunction<InboxBacklog> value) {
        Gauge.builder(name, this, meters -> value.applyAsDouble(meters.backlog()))
                .description(description).tag("state", state).register(registry);
    }

    private double lagSeconds() {
        return backlog().lagAt(clock.instant()).toMillis() / 1000.0;
    }

    private synchronized InboxBacklog backlog() {
        Instant now = clock.instant();
        if (Duration.between(readAt, now).compareTo(FRESH_FOR) > 0) {
            try {
                last = inbox.backlog();
            } catch (RuntimeException e) {
                // A scrape while the database is away shows the last counts; /health says the database is down.
                LOG.debug("Inbox gauges kept their last values: {}", e.toString());
            }
            readAt = now;
        }
        return last;
    }
}
