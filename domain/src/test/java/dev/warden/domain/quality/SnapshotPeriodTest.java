package dev.warden.domain.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SnapshotPeriodTest {

    private static final Duration SIX_HOURS = Duration.ofHours(6);

    @Test
    void every_moment_of_a_six_hour_slot_is_in_the_same_period_counted_from_midnight_utc() {
        SnapshotPeriod early = SnapshotPeriod.containing(Instant.parse("2026-12-02T06:00:00Z"), SIX_HOURS);
        SnapshotPeriod late = SnapshotPeriod.containing(Instant.parse("2026-12-02T11:59:59.999Z"), SIX_HOURS);

        assertThat(early).isEqualTo(late);
        assertThat(early.start()).isEqualTo(Instant.parse("2026-12-02T06:00:00Z"));
        assertThat(SnapshotPeriod.containing(Instant.parse("2026-12-02T12:00:00Z"), SIX_HOURS).start())
                .isEqualTo(Instant.parse("2026-12-02T12:00:00Z"));
    }

    @Test
    void a_moment_before_the_epoch_belongs_to_the_slot_that_starts_before_it() {
        assertThat(SnapshotPeriod.containing(Instant.parse("1969-12-31T23:00:00Z"), SIX_HOURS).start())
                .isEqualTo(Instant.parse("1969-12-31T18:00:00Z"));
    }

    @Test
    void a_period_shorter_than_a_minute_is_refused() {
        assertThatThrownBy(() -> SnapshotPeriod.containing(Instant.EPOCH, Duration.ofSeconds(30)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SnapshotPeriod.containing(Instant.EPOCH, Duration.ZERO))
                .as("a zero interval is refused, not divided by").isInstanceOf(IllegalArgumentException.class);
    }
}
