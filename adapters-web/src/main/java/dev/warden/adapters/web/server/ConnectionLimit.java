package dev.warden.adapters.web.server;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;

/**
 * How many connections the server keeps open at once. Each one holds buffers (a request head of up to 8 KB while it
 * arrives, its pipeline) whoever opened it, and nothing else bounds their number below the process's file limit; a
 * connection beyond {@code warden.server.max-connections} is closed as soon as it is accepted
 * ({@link ConnectionLimitHandler}).
 */
@Singleton
public final class ConnectionLimit {

    private final BoundedCount open;

    ConnectionLimit(@Value("${warden.server.max-connections:10000}") int max) {
        if (max < 1) {
            throw new ConfigurationException("warden.server.max-connections must be at least 1, was " + max);
        }
        this.open = new BoundedCount(max);
    }

    /** Counts a connection in; false, counting nothing, when the server has as many as it may. */
    boolean tryOpen() {
        return open.tryAdd(1);
    }

    void closed() {
        open.subtract(1);
    }

    /** Connections open now. */
    public int open() {
        return (int) open.value();
    }

    /** Connections closed on arrival since start because the server had as many as it may. */
    public long refused() {
        return open.refused();
    }
}
