package dev.warden.application.service;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * When a failed inbox change is tried again: exponential backoff with full jitter, then the dead
 * letter. Meta keeps retrying a delivery for days, but once stored the retries are ours.
 */
public record InboxRetryPolicy(int maxAttempts, Duration firstDelay, Duration maxDelay) {

    public static final InboxRetryPolicy DEFAULT = new InboxRetryPolicy(8, Duration.ofSeconds(1), Duration.ofMinutes(10));

    /**
     * Losing a race for the same template to another worker says nothing about the change: under a
     * burst on one busy template it may lose several in a row, so it gets this many times the attempts
     * before it is given up.
     */
    public static final int CONTENTION_FACTOR = 4;

    public boolean exhausted(int attempts) {
        return attempts >= maxAttempts;
    }

    /** Whether a change that failed {@code attempts} times, the last time by losing a race, is given up. */
    public boolean exhaustedByContention(int attempts) {
        return attempts >= maxAttempts * CONTENTION_FACTOR;
    }

    public Instant nextAttemptAt(int attempts, Instant now) {
        return nextAttemptAt(attempts, now, ThreadLocalRandom.current());
    }

    /**
     * Full jitter: a delay drawn uniformly from zero to the exponential bound (first delay doubled
     * per attempt, capped), so changes that failed together, on one instance or many, spread out
     * instead of retrying in step.
     */
    public Instant nextAttemptAt(int attempts, Instant now, RandomGenerator random) {
        return now.plusMillis(random.nextLong(bound(attempts) + 1));
    }

    /** The longest delay after {@code attempts} failed attempts. */
    public long bound(int attempts) {
        return Math.min(maxDelay.toMillis(), firstDelay.toMillis() << Math.min(Math.max(attempts, 1) - 1, 30));
    }
}
