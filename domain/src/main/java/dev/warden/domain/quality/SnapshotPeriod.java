package dev.warden.domain.quality;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The period a quality snapshot belongs to: the interval's slots counted from the epoch, so every
 * instance computes the same period for the same moment and takes its snapshot at most once.
 */
public record SnapshotPeriod(Instant start, Duration length) {

    public SnapshotPeriod {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(length, "length");
        requireValidLength(length);
    }

    /** A period is at least a minute long: shorter ones would snapshot every template many times an hour. */
    public static Duration requireValidLength(Duration length) {
        if (length.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("a snapshot period is at least a minute, was " + length);
        }
        return length;
    }

    /** The period that holds {@code moment}. */
    public static SnapshotPeriod containing(Instant moment, Duration length) {
        long millis = requireValidLength(length).toMillis();
        return new SnapshotPeriod(Instant.ofEpochMilli(Math.floorDiv(moment.toEpochMilli(), millis) * millis), length);
    }
}
