package dev.warden.domain.sending;

import dev.warden.domain.shared.InvalidValue;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * The days send statistics cover, UTC, both ends included: by default the last {@link #DEFAULT_DAYS}
 * days up to today, at most {@link #MAX_DAYS} (one grouped query over a bounded range, never a scan of
 * everything kept).
 */
public record StatsPeriod(LocalDate from, LocalDate to) {

    public static final int DEFAULT_DAYS = 7;
    public static final int MAX_DAYS = 92;
    /** Dates Warden could hold sends for; beyond them date arithmetic itself would overflow. */
    private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(9999, 12, 30);

    public StatsPeriod {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        requireInRange("from", from);
        requireInRange("to", to);
        if (from.isAfter(to)) {
            throw new InvalidValue("from must not be after to, was " + from + " > " + to);
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (days > MAX_DAYS) {
            throw new InvalidValue("from to to covers at most " + MAX_DAYS + " days, was " + days);
        }
    }

    /** The period asked for; a missing end is filled in from the other one (or today). */
    public static StatsPeriod of(Optional<LocalDate> from, Optional<LocalDate> to, LocalDate today) {
        from.ifPresent(date -> requireInRange("from", date));
        to.ifPresent(date -> requireInRange("to", date));
        // A filled-in end can pass LATEST (from=9999-12-30); the constructor refuses it by name.
        LocalDate end = to.orElseGet(() -> from.map(f -> f.plusDays(DEFAULT_DAYS - 1L)).orElse(today));
        LocalDate start = from.orElseGet(() -> end.minusDays(DEFAULT_DAYS - 1L));
        return new StatsPeriod(start, end);
    }

    private static void requireInRange(String name, LocalDate date) {
        if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
            throw new InvalidValue(name + " must be between " + EARLIEST + " and " + LATEST + ", was " + date);
        }
    }

    public Instant start() {
        return from.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The first instant after the period. */
    public Instant end() {
        return to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
