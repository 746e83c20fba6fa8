package dev.warden.adapters.web.server;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many connections the server keeps open at once. Each one holds buffers (a request head of up to 8 KB while it
 * arrives, its pipeline) whoever opened it, and nothing else bounds their number below the process's file limit; a
 * connection beyond {@code warden.server.max-connections} is closed as soon as it is accepted
 * ({@link ConnectionLimitHandler}).
 */
@Singleton
public final class ConnectionLimit {

    private final int max;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicLong refused = new AtomicLong();

    ConnectionLimit(@Value("${warden.server.max-connections:10000}") int max) {
        if (max < 1) {
            throw new ConfigurationException("warden.server.max-connections must be at least 1, was " + max);
        }
        this.max = max;
    }

    /** Counts a connection in; false, counting nothing, when the server has as many as it may. */
    boolean tryOpen() {
        int now;
        do {
            now = open.get();
            if (now >= max) {
                refused.incrementAndGet();
                return false;
            }
        } while (!open.compareAndSet(now, now + 1));
        return true;
    }

    void closed() {
        open.decrementAndGet();
    }

    /** Connections open now. */
    public int open() {
        return open.get();
    }

    /** Connections closed on arrival since start because the server had as many as it may. */
    public long refused() {
        return refused.get();
    }
}
