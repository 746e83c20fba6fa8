package dev.warden.domain.quality;

import java.time.Instant;
import java.util.OptionalInt;

/** Outgoing persistence port: the periodic quality snapshot, once per period across every instance. */
public interface QualitySnapshots {

    /**
     * Appends the quality of every template Meta knows (it has a Meta id and is not DELETED) to the
     * quality history as observed at {@code at} with source SNAPSHOT, unless the period was taken
     * already (by this or another instance).
     *
     * @return how many templates the snapshot holds; empty when the period had been taken
     */
    OptionalInt takeOnce(SnapshotPeriod period, Instant at);
}
