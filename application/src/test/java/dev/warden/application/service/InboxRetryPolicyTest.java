package dev.warden.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** Backoff with full jitter: anywhere from now to the exponential bound. */
class InboxRetryPolicyTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final InboxRetryPolicy POLICY = InboxRetryPolicy.DEFAULT;

    /** A random source that always draws the lowest or always the highest value it may. */
    private static RandomGenerator always(boolean highest) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public long nextLong(long bound) {
                return highest ? bound - 1 : 0;
            }
        };
    }

    @Test
    void the_bound_doubles_from_the_first_delay_up_to_the_cap() {
        assertThat(POLICY.bound(1)).isEqualTo(1_000);
        assertThat(POLICY.bound(2)).isEqualTo(2_000);
        assertThat(POLICY.bound(5)).isEqualTo(16_000);
        assertThat(POLICY.bound(40)).isEqualTo(Duration.ofMinutes(10).toMillis());
    }

    @Test
    void the_delay_spans_the_whole_range_from_zero_to_the_bound() {
        assertThat(POLICY.nextAttemptAt(5, NOW, always(false))).isEqualTo(NOW);
        assertThat(POLICY.nextAttemptAt(5, NOW, always(true))).isEqualTo(NOW.plusMillis(16_000));
    }

    @Test
    void every_delay_lies_between_now_and_the_bound() {
        qt().forAll(integers().between(1, 100), longs().all()).checkAssert((attempts, seed) -> {
            Instant next = POLICY.nextAttemptAt(attempts, NOW, new SplittableRandom(seed));
            assertThat(next).isBetween(NOW, NOW.plusMillis(POLICY.bound(attempts)));
        });
    }

    @Test
    void attempts_run_out_at_the_maximum() {
        assertThat(POLICY.exhausted(POLICY.maxAttempts() - 1)).isFalse();
        assertThat(POLICY.exhausted(POLICY.maxAttempts())).isTrue();
    }
}
