package dev.warden.bootstrap;

import dev.warden.application.port.out.WebhookInbox.InboxBacklog;
import io.micronaut.context.annotation.Value;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;

/**
 * Part of {@code /health/readiness}: how many changes wait and how far processing is behind (read
 * through {@link InboxBacklogReader}, so probes in a loop cost the database nothing). Only
 * DOWN past {@code warden.inbox.readiness-max-lag}, which is off by default: every instance shares one
 * inbox, so a lag makes them all unready together, and refusing webhooks (Meta retries) would not
 * drain it any faster. Operators who want their balancer to react set it; others alert on
 * {@code warden_inbox_lag_seconds}.
 */
@Singleton
final class InboxLagHealth extends AbstractHealthIndicator<Map<String, Object>> {

    private final InboxBacklogReader reader;
    private final Duration maxLag;

    InboxLagHealth(InboxBacklogReader reader, @Value("${warden.inbox.readiness-max-lag:0s}") Duration maxLag) {
        this.reader = reader;
        this.maxLag = maxLag;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        InboxBacklog backlog = reader.current();
        Duration lag = backlog.lagAt(reader.now());
        boolean behind = !maxLag.isZero() && lag.compareTo(maxLag) > 0;
        healthStatus = behind ? HealthStatus.DOWN : HealthStatus.UP;
        return Map.of("pending", backlog.pending(), "lagSeconds", lag.toSeconds(), "unroutable", backlog.unroutable(),
                "dead", backlog.dead());
    }

    @Override
    protected String getName() {
        return "inbox";
    }
}
