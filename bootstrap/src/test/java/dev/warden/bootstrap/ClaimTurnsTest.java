package dev.warden.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The instance's turns to claim a batch, on a clock the test moves. */
class ClaimTurnsTest {

    private static final long MS = 1_000_000;

    @Test
    void workers_asking_together_get_turns_one_interval_apart() {
        AtomicLong now = new AtomicLong(5 * MS);
        ClaimTurns turns = new ClaimTurns(Duration.ofMillis(40), now::get);

        assertThat(turns.takeTurn()).isZero();
        assertThat(turns.takeTurn()).isEqualTo(40 * MS);
        assertThat(turns.takeTurn()).isEqualTo(80 * MS);
        now.addAndGet(50 * MS);
        assertThat(turns.takeTurn()).as("the turn after 5 + 80 ms, asked for at 55 ms").isEqualTo(70 * MS);
    }

    @Test
    void a_claim_made_without_waiting_puts_the_next_turn_an_interval_after_it() {
        AtomicLong now = new AtomicLong(0);
        ClaimTurns turns = new ClaimTurns(Duration.ofMillis(40), now::get);
        now.set(1_000 * MS);

        turns.claimedNow();
        now.addAndGet(15 * MS);

        assertThat(turns.takeTurn()).isEqualTo(25 * MS);
    }

    @Test
    void turns_not_taken_while_idle_are_not_owed_afterwards() {
        AtomicLong now = new AtomicLong(0);
        ClaimTurns turns = new ClaimTurns(Duration.ofMillis(40), now::get);
        turns.takeTurn();
        now.set(10_000 * MS);

        assertThat(turns.takeTurn()).isZero();
        assertThat(turns.takeTurn()).isEqualTo(40 * MS);
    }

    @Test
    void turns_hold_across_the_wrap_of_the_nano_time() {
        AtomicLong now = new AtomicLong(Long.MAX_VALUE - 10 * MS);
        ClaimTurns turns = new ClaimTurns(Duration.ofMillis(40), now::get);

        assertThat(turns.takeTurn()).isZero();
        assertThat(turns.takeTurn()).as("a turn past the wrap").isEqualTo(40 * MS);
        now.addAndGet(20 * MS);
        assertThat(now.get()).as("wrapped").isNegative();
        assertThat(turns.takeTurn()).isEqualTo(60 * MS);
    }

    @Test
    void no_interval_means_no_waiting() {
        AtomicLong now = new AtomicLong(0);
        ClaimTurns turns = new ClaimTurns(Duration.ZERO, now::get);
        turns.claimedNow();

        assertThat(turns.takeTurn()).isZero();
        assertThat(turns.takeTurn()).isZero();
    }

    @Test
    void an_interval_below_0_or_above_a_second_is_refused() {
        assertThatThrownBy(() -> new ClaimTurns(Duration.ofMillis(-1), System::nanoTime))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("claim-interval-while-receiving");
        assertThatThrownBy(() -> new ClaimTurns(Duration.ofMillis(1001), System::nanoTime))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("from 0s to 1s");
        assertThat(new ClaimTurns(Duration.ofSeconds(1), System::nanoTime).takeTurn()).isZero();
    }
}
