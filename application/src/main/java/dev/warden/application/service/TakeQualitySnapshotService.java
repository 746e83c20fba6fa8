package dev.warden.application.service;

import dev.warden.application.port.in.TakeQualitySnapshotUseCase;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.quality.QualitySnapshots;
import dev.warden.domain.quality.SnapshotPeriod;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;

/**
 * Use case implementation: the periodic quality snapshot. Every instance may ask as often as it
 * likes; the period's row decides who takes it. A snapshot records what Warden holds (kept current by
 * webhooks and reconciliation) and changes no template, so it raises no alert: degradation alerts
 * come from the quality changes themselves.
 */
public final class TakeQualitySnapshotService implements TakeQualitySnapshotUseCase {

    private final QualitySnapshots snapshots;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final Duration interval;

    public TakeQualitySnapshotService(QualitySnapshots snapshots, UnitOfWork unitOfWork, Clock clock,
                                      Duration interval) {
        this.snapshots = snapshots;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        // Refused at start (warden.quality.snapshot.interval), not at every scheduled check.
        this.interval = SnapshotPeriod.requireValidLength(interval);
    }

    @Override
    public OptionalInt takeDue() {
        Instant now = clock.instant();
        SnapshotPeriod period = SnapshotPeriod.containing(now, interval);
        return unitOfWork.inTransaction(() -> snapshots.takeOnce(period, now));
    }
}
