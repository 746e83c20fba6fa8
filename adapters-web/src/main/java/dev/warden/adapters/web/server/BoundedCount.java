package dev.warden.adapters.web.server;

import java.util.concurrent.atomic.AtomicLong;

/** A count shared by threads that never passes its limit, and counts the additions it refused. */
final class BoundedCount {

    private final long limit;
    private final AtomicLong value = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();

    BoundedCount(long limit) {
        this.limit = limit;
    }

    /** Adds {@code amount}; false, adding nothing, when the count would pass its limit. */
    boolean tryAdd(long amount) {
        long now;
        do {
            now = value.get();
            if (amount > limit - now) {
                refused.incrementAndGet();
                return false;
            }
        } while (!value.compareAndSet(now, now + amount));
        return true;
    }

    void subtract(long amount) {
        value.addAndGet(-amount);
    }

    long value() {
        return value.get();
    }

    long refused() {
        return refused.get();
    }
}
