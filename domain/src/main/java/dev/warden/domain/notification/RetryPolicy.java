package dev.warden.domain.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * When a failed notification is tried again: capped exponential backoff with full jitter (a random
 * wait between zero and {@code min(cap, base * 2^attempt)}), never sooner than the provider asked,
 * and at most so many attempts per channel kind.
 */
public final class RetryPolicy {

    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    static final Duration MAX_PROVIDER_PAUSE = Duration.ofMinutes(5);

    private final Duration base;
    private final Duration cap;
    private final Map<ChannelKind, Integer> maxAttempts;
    private final DoubleSupplier random;

    public RetryPolicy(Duration base, Duration cap, Map<ChannelKind, Integer> maxAttempts, DoubleSupplier random) {
        this.base = Objects.requireNonNull(base, "base");
        this.cap = Objects.requireNonNull(cap, "cap");
        this.maxAttempts = Map.copyOf(maxAttempts);
        this.random = Objects.requireNonNull(random, "random");
        this.maxAttempts.values().forEach(max -> {
            if (max < 1) {
                throw new IllegalArgumentException("max attempts must be at least 1, was " + max);
            }
        });
    }

    public int maxAttempts(ChannelKind kind) {
        return maxAttempts.getOrDefault(kind, DEFAULT_MAX_ATTEMPTS);
    }

    /** The time of the next try after {@code attempts} failed ones. */
    public Instant nextAttemptAt(int attempts, Instant now, Duration notBefore) {
        long ceiling = cap.toMillis();
        int shift = Math.min(Math.max(attempts - 1, 0), 30);
        long exponential = Math.min(ceiling, base.toMillis() << shift);
        long wait = (long) (random.getAsDouble() * exponential);
        // A provider's Retry-After is honoured up to a bound, so one odd header cannot park a message for days.
        long floor = Math.min(notBefore.toMillis(), MAX_PROVIDER_PAUSE.toMillis());
        return now.plusMillis(Math.max(wait, floor));
    }
}
