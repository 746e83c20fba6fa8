package dev.warden.domain.template;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;

/**
 * Meta's archive of idle templates (meta-platform.md §12): a template with no create, edit, send, appeal
 * or unarchive for 12 months is archived by Meta. Calendar months in UTC, as a person reads "a year".
 */
public final class Inactivity {

    public static final Period ARCHIVES_AFTER = Period.ofMonths(12);

    /** A month end clamps (31 March + 1 month is 30 April): a cutoff this much later loses no template. */
    private static final Period CLAMP_SLACK = Period.ofDays(3);

    private Inactivity() {
    }

    /** When Meta archives a template whose last activity was at {@code lastActivity}, if nothing happens since. */
    public static Instant archivesAround(Instant lastActivity) {
        return lastActivity.atOffset(ZoneOffset.UTC).plus(ARCHIVES_AFTER).toInstant();
    }

    /**
     * A bound a store can filter by: every template Meta archives by {@code horizon} had its last activity
     * before this instant. A few templates archived just after the horizon may pass it too; the caller keeps
     * those whose {@link #archivesAround} is not after the horizon (the order by last activity is the same).
     */
    public static Instant lastActivityBound(Instant horizon) {
        return horizon.atOffset(ZoneOffset.UTC).minus(ARCHIVES_AFTER).plus(CLAMP_SLACK).toInstant();
    }
}
