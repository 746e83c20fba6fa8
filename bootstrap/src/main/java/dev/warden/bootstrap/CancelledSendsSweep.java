package dev.warden.bootstrap;

import dev.warden.application.port.in.SweepCancelledSendsUseCase;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles the sends of cancelled campaigns a cancel could not reach, every minute. Every instance may run it:
 * the update is idempotent and finds few rows.
 */
@Singleton
@Requires(property = "warden.notify.workers.enabled", notEquals = "false")
final class CancelledSendsSweep {

    private static final Logger LOG = LoggerFactory.getLogger(CancelledSendsSweep.class);

    private final SweepCancelledSendsUseCase sweep;

    CancelledSendsSweep(SweepCancelledSendsUseCase sweep) {
        this.sweep = sweep;
    }

    @Scheduled(fixedDelay = "1m", initialDelay = "1m")
    void settleCancelledSends() {
        try {
            int settled = sweep.sweep();
            if (settled > 0) {
                LOG.info("Campaigns: {} sends of cancelled campaigns settled as skipped", settled);
            }
        } catch (RuntimeException e) {
            LOG.warn("Campaigns: the sweep of cancelled campaigns' sends failed, next try in a minute: {}",
                    e.toString());
        }
    }
}
