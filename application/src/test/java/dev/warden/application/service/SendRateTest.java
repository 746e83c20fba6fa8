package dev.warden.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.domain.fixtures.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SendRateTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));

    @Test
    void hands_out_one_seconds_worth_then_what_time_adds() {
        SendRate rate = new SendRate(10, clock);

        assertThat(rate.take(50)).as("a second's worth at most").isEqualTo(10);
        assertThat(rate.take(50)).isZero();
        clock.advance(Duration.ofMillis(350));
        assertThat(rate.take(50)).isEqualTo(3);
        clock.advance(Duration.ofMinutes(5));
        assertThat(rate.take(50)).as("idle time banks no more than a second").isEqualTo(10);
    }

    @Test
    void tokens_not_used_go_back_up_to_the_capacity() {
        SendRate rate = new SendRate(4, clock);

        assertThat(rate.take(3)).isEqualTo(3);
        rate.giveBack(2);
        assertThat(rate.take(10)).isEqualTo(3);
        rate.giveBack(100);
        assertThat(rate.take(10)).isEqualTo(4);
    }

    @Test
    void a_rate_below_one_per_second_still_sends_one_now_and_then() {
        SendRate rate = new SendRate(0.5, clock);

        assertThat(rate.take(5)).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(rate.take(5)).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(rate.take(5)).isEqualTo(1);
    }

    @Test
    void refuses_a_rate_that_is_not_a_positive_number() {
        assertThatThrownBy(() -> new SendRate(0, clock)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SendRate(Double.NaN, clock)).isInstanceOf(IllegalArgumentException.class);
    }
}
