package dev.warden.application.service;

import java.time.Clock;

/**
 * A token bucket: {@code perSecond} tokens a second, at most one second's worth kept while nothing takes
 * them. Shared by the dispatcher threads of one instance.
 */
final class SendRate {

    private final double perSecond;
    private final double capacity;
    private final Clock clock;
    private double tokens;
    private long lastNanos;

    SendRate(double perSecond, Clock clock) {
        if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("a send rate must be a positive number per second, was " + perSecond);
        }
        this.perSecond = perSecond;
        this.capacity = Math.max(1, perSecond);
        this.clock = clock;
        this.lastNanos = nanos();
        this.tokens = capacity;
    }

    /** Takes up to {@code wanted} whole tokens; answers how many it took (zero when the bucket is empty). */
    synchronized int take(int wanted) {
        refill();
        int taken = (int) Math.min(wanted, Math.floor(tokens));
        tokens -= taken;
        return Math.max(0, taken);
    }

    /** Returns tokens taken but not used. */
    synchronized void giveBack(int unused) {
        tokens = Math.min(capacity, tokens + Math.max(0, unused));
    }

    private void refill() {
        long now = nanos();
        tokens = Math.min(capacity, tokens + (now - lastNanos) / 1e9 * perSecond);
        lastNanos = now;
    }

    private long nanos() {
        var instant = clock.instant();
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
