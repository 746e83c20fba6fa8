package dev.warden.bootstrap;

import dev.warden.application.port.out.WebhookInbox.InboxBacklog;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Inbox gauges: changes waiting ({@code warden_inbox_changes{state}}) and how far processing is
 * behind ({@code warden_inbox_lag_seconds}: how long the change due next has waited), from
 * {@link InboxBacklogReader}. While the database is away a scrape shows the last values read.
 */
@Singleton
final class InboxMeters implements MeterBinder {

    private static final Logger LOG = LoggerFactory.getLogger(InboxMeters.class);

    private final InboxBacklogReader reader;
    private InboxBacklog last = new InboxBacklog(0, Optional.empty(), 0, 0);

    InboxMeters(InboxBacklogReader reader) {
        this.reader = reader;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        gauge(registry, "pending", "Changes waiting to be applied", InboxBacklog::pending);
        gauge(registry, "unroutable", "Changes for WABAs no organisation registered", InboxBacklog::unroutable);
        gauge(registry, "dead", "Dead letters waiting for a replay", InboxBacklog::dead);
        Gauge.builder("warden.inbox.lag", this, meters -> meters.backlog().lagAt(reader.now()).toMillis() / 1000.0)
                .description("How long the change processing takes next has waited: how far processing is behind")
                .baseUnit("seconds").register(registry);
    }

    private void gauge(MeterRegistry registry, String state, String description, ToDoubleFunction<InboxBacklog> value) {
        Gauge.builder("warden.inbox.changes", this, meters -> value.applyAsDouble(meters.backlog()))
                .description(description).tag("state", state).register(registry);
    }

    private synchronized InboxBacklog backlog() {
        try {
            last = reader.current();
        } catch (RuntimeException e) {
            LOG.debug("Inbox gauges kept their last values: {}", e.toString());
        }
        return last;
    }
}
