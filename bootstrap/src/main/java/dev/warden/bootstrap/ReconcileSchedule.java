package dev.warden.bootstrap;

import dev.warden.application.port.in.ReconcileAccountsUseCase;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciles every registered WABA with Meta every {@code warden.reconcile.interval} (6 h by
 * default). Every instance ticks; the job table lets one of them work per WABA (ADR 0010).
 * Without an access token the use case does nothing, as {@link MetaGraphAccess} says at start.
 */
@Singleton
@Requires(property = "warden.reconcile.enabled", notEquals = "false")
final class ReconcileSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(ReconcileSchedule.class);

    private final ReconcileAccountsUseCase reconcile;

    ReconcileSchedule(ReconcileAccountsUseCase reconcile) {
        this.reconcile = reconcile;
    }

    @Scheduled(fixedDelay = "${warden.reconcile.interval:6h}", initialDelay = "${warden.reconcile.initial-delay:1m}")
    void reconcileDue() {
        try {
            int reconciled = reconcile.reconcileDue();
            if (reconciled > 0) {
                LOG.info("Reconciliation: {} WhatsApp Business Accounts compared with Meta", reconciled);
            }
        } catch (RuntimeException e) {
            // One run's failure (the database away) must not end the schedule; each job records its own errors.
            LOG.warn("Reconciliation run failed, next try at the next interval: {}", e.toString());
        }
    }
}
