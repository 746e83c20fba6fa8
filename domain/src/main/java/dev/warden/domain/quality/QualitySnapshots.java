package dev.warden.domain.quality;

import java.time.Instant;
import java.util.OptionalInt;

/** Outgoing persistence port: the periodic quality snapshot, once per period across every instance. */
public interface QualitySnapshots {

    /**
     * Appends the quality of every template Meta rates (it has a Meta id, is not DELETED, its score is not
     * UNKNOWN) to the
     * quality history as observed at {@code at} with source SNAPSHOT, unless the period was taken
     * already (by this or another instance).
     *
     * @return how many templates the snapshot holds; empty when the period had been taken, or another
     *         instance is taking a snapshot right now
     */
    OptionalInt takeOnce(SnapshotPeriod period, Instant at);
}
