package dev.warden.bootstrap;

import io.micronaut.context.annotation.Requires;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.management.health.indicator.annotation.Liveness;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;

/**
 * {@code /health} is DOWN, naming the workers, when an inbox worker stopped: webhooks would still
 * be answered 200 and stored, but nothing would apply them. A liveness check: a restart is what
 * brings the workers back.
 */
@Singleton
@Liveness
@Requires(beans = InboxWorkers.class)
final class InboxWorkersHealth extends AbstractHealthIndicator<Map<String, Object>> {

    private final InboxWorkers workers;

    InboxWorkersHealth(InboxWorkers workers) {
        this.workers = workers;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        List<String> stopped = workers.stopped();
        healthStatus = stopped.isEmpty() ? HealthStatus.UP : HealthStatus.DOWN;
        return Map.of("threads", workers.threads(), "stopped", stopped);
    }

    @Override
    protected String getName() {
        return "inboxWorkers";
    }
}
