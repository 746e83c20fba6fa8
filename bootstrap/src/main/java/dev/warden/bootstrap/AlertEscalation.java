package dev.warden.bootstrap;

import dev.warden.application.port.in.EscalateAlertsUseCase;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every minute by default, tells people again of CRITICAL alerts nobody acknowledged in time. Every
 * instance may run it: each escalation is stored once by its dedupe key (docs/adr/0011).
 */
@Singleton
@Requires(property = "warden.notify.workers.enabled", notEquals = "false")
final class AlertEscalation {

    private static final Logger LOG = LoggerFactory.getLogger(AlertEscalation.class);

    private final EscalateAlertsUseCase escalate;

    AlertEscalation(EscalateAlertsUseCase escalate) {
        this.escalate = escalate;
    }

    @Scheduled(fixedDelay = "${warden.notify.escalation-interval:1m}",
            initialDelay = "${warden.notify.escalation-interval:1m}")
    void escalateUnacknowledged() {
        try {
            escalate.escalate();
        } catch (RuntimeException e) {
            LOG.warn("Alert escalation failed, next try at the next interval: {}", e.toString());
        }
    }
}
