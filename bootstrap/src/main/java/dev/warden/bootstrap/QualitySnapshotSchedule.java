package dev.warden.bootstrap;

import dev.warden.application.port.in.TakeQualitySnapshotUseCase;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the quality snapshot of each {@code warden.quality.snapshot.interval} (6 h by default). Every
 * instance checks every {@code check-interval}, more often than the period, so a period is never
 * skipped; the period's row lets one instance take it.
 */
@Singleton
@Requires(property = "warden.quality.snapshot.enabled", notEquals = "false")
final class QualitySnapshotSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(QualitySnapshotSchedule.class);

    private final TakeQualitySnapshotUseCase snapshot;

    QualitySnapshotSchedule(TakeQualitySnapshotUseCase snapshot) {
        this.snapshot = snapshot;
    }

    @Scheduled(fixedDelay = "${warden.quality.snapshot.check-interval:5m}",
            initialDelay = "${warden.quality.snapshot.initial-delay:1m}")
    void takeDue() {
        try {
            OptionalInt taken = snapshot.takeDue();
            if (taken.isPresent()) {
                LOG.info("Quality snapshot: {} templates recorded", taken.getAsInt());
            }
        } catch (RuntimeException e) {
            // The database away: the next check tries the same period again.
            LOG.warn("Quality snapshot failed, next try at the next check", e);
        }
    }
}
