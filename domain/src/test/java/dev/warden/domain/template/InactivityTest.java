package dev.warden.domain.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class InactivityTest {

    /** Instants from 1970 to about 2200, to the second. */
    private static final Gen<Instant> INSTANTS = longs().between(0, 7_258_118_400L).map(s -> Instant.ofEpochSecond(s));

    @Test
    void archives_twelve_calendar_months_after_the_last_activity() {
        assertThat(Inactivity.archivesAround(Instant.parse("2025-03-10T08:00:00Z")))
                .isEqualTo(Instant.parse("2026-03-10T08:00:00Z"));
        // A leap day clamps to the end of February a year on.
        assertThat(Inactivity.archivesAround(Instant.parse("2024-02-29T12:00:00Z")))
                .isEqualTo(Instant.parse("2025-02-28T12:00:00Z"));
    }

    @Test
    void archival_is_a_year_on_never_earlier_and_later_activity_never_archives_sooner() {
        qt().forAll(INSTANTS, INSTANTS).checkAssert((a, b) -> {
            Duration gap = Duration.between(a, Inactivity.archivesAround(a));
            assertThat(gap.toDays()).isBetween(365L, 366L);
            if (!a.isAfter(b)) {
                assertThat(Inactivity.archivesAround(a)).isBeforeOrEqualTo(Inactivity.archivesAround(b));
            }
        });
    }

    @Test
    void the_store_bound_loses_no_template_archived_by_the_horizon() {
        qt().forAll(INSTANTS, INSTANTS).checkAssert((activity, horizon) -> {
            if (!Inactivity.archivesAround(activity).isAfter(horizon)) {
                assertThat(activity).isBefore(Inactivity.lastActivityBound(horizon));
            }
        });
    }
}
