package dev.warden.bootstrap;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * An instance's turns to claim a batch of the inbox while its workers keep up with webhooks being received: one
 * turn per interval, all workers together, so that each batch gathers the changes of an interval. A batch pays for
 * its statements once however few changes it holds, so a stream taken as it comes, in many small batches, costs CPU
 * per change that the intake beside it needs (ADR 0031). A claim made without waiting (the workers behind,
 * or nothing being received) still counts: the next turn not yet taken comes an interval after it (one a worker
 * already waits for stays where it was).
 */
final class ClaimTurns {

    /**
     * The longest interval: a worker waits up to one interval per worker for its turn, and stopping does not interrupt
     * the wait, so a mistyped {@code 40s} would hold every stop for minutes and leave changes that long behind.
     */
    private static final Duration LONGEST = Duration.ofSeconds(1);

    private final long intervalNanos;
    private final LongSupplier nanoTime;
    /** The earliest {@link System#nanoTime()} of the next turn; compared by difference, as nano times must be. */
    private final AtomicLong next;

    ClaimTurns(Duration interval, LongSupplier nanoTime) {
        if (interval.isNegative() || interval.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("warden.inbox.workers.claim-interval-while-receiving must be from 0s to "
                    + LONGEST.toSeconds() + "s, not " + interval);
        }
        this.intervalNanos = interval.toNanos();
        this.nanoTime = nanoTime;
        this.next = new AtomicLong(nanoTime.getAsLong());
    }

    /** A claim now, without waiting for a turn: the next turn is an interval away at the earliest. */
    void claimedNow() {
        long now = nanoTime.getAsLong();
        next.accumulateAndGet(now + intervalNanos, ClaimTurns::later);
    }

    /** Takes the next turn: how long to wait for it, in nanoseconds (0: now). */
    long takeTurn() {
        long now = nanoTime.getAsLong();
        long turn = later(next.getAndAccumulate(now, (earliest, at) -> later(earliest, at) + intervalNanos), now);
        return turn - now;
    }

    private static long later(long one, long other) {
        return one - other > 0 ? one : other;
    }
}
