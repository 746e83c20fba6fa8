package dev.warden.application.service;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a failed inbox change is tried again: exponential backoff with jitter, then the dead
 * letter. Meta keeps retrying a delivery for days, but once stored the retries are ours.
 */
public record InboxRetryPolicy(int maxAttempts, Duration firstDelay, Duration maxDelay) {

    public static final InboxRetryPolicy DEFAULT = new InboxRetryPolicy(8, Duration.ofSeconds(1), Duration.ofMinutes(10));

    public boolean exhausted(int attempts) {
        return attempts >= maxAttempts;
    }

    /** Full jitter: a random delay up to the exponential bound, so failing changes do not retry in step. */
    public Instant nextAttemptAt(int attempts, Instant now) {
        long bound = Math.min(maxDelay.toMillis(), firstDelay.toMillis() << Math.min(attempts - 1, 30));
        return now.plusMillis(bound / 2 + ThreadLocalRandom.current().nextLong(bound / 2 + 1));
    }
}
