package dev.warden.bootstrap;

import dev.warden.application.port.in.SweepUnroutableUseCase;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requeues unroutable changes whose WABA has been registered since, every minute by default
 * (ADR 0007). Every instance may run it: the requeue is idempotent and touches few rows.
 */
@Singleton
@Requires(property = "warden.inbox.workers.enabled", notEquals = "false")
final class UnroutableSweep {

    private static final Logger LOG = LoggerFactory.getLogger(UnroutableSweep.class);

    private final SweepUnroutableUseCase sweep;

    UnroutableSweep(SweepUnroutableUseCase sweep) {
        this.sweep = sweep;
    }

    @Scheduled(fixedDelay = "${warden.inbox.unroutable.sweep-interval:1m}", initialDelay = "${warden.inbox.unroutable.sweep-interval:1m}")
    void requeueRoutableChanges() {
        try {
            int requeued = sweep.sweep();
            if (requeued > 0) {
                LOG.info("Webhook inbox: requeued {} unroutable changes whose WABA is registered now", requeued);
            }
        } catch (RuntimeException e) {
            LOG.warn("Webhook inbox: unroutable sweep failed, next try at the next interval: {}", e.toString());
        }
    }
}
