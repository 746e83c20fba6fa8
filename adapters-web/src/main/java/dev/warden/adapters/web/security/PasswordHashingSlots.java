package dev.warden.adapters.web.security;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Bounds how many Argon2 computations run at once. Each one allocates its memory cost (19 MiB),
 * and logins run on the unbounded blocking pool, so without a bound a burst of logins would
 * allocate until the JVM runs out of memory. A caller beyond {@code warden.password-hashing.max-concurrent}
 * waits at most {@code warden.password-hashing.max-wait} for a slot, then gets {@link PasswordHashingBusy}
 * (503 with Retry-After).
 */
@Singleton
public final class PasswordHashingSlots {

    private final Semaphore slots;
    private final Duration maxWait;

    PasswordHashingSlots(@Value("${warden.password-hashing.max-concurrent:4}") int maxConcurrent,
                         @Value("${warden.password-hashing.max-wait:2s}") Duration maxWait) {
        this.slots = new Semaphore(Math.max(1, maxConcurrent), true);
        this.maxWait = maxWait;
    }

    /** Runs {@code hashing} in a slot. */
    public <T> T use(Supplier<T> hashing) {
        try {
            if (!slots.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new PasswordHashingBusy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PasswordHashingBusy();
        }
        try {
            return hashing.get();
        } finally {
            slots.release();
        }
    }
}
