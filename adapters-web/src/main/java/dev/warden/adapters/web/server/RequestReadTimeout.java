package dev.warden.adapters.web.server;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * How long a request may take to arrive: its head from its first byte, its body from when the server starts reading
 * it ({@code warden.server.request-read-timeout}). Idle connections are Micronaut's idle timeout's; this bounds the
 * caller who keeps a connection, and its share of the server, by sending a byte now and then.
 */
@Singleton
public final class RequestReadTimeout {

    private final Duration timeout;

    RequestReadTimeout(@Value("${warden.server.request-read-timeout:30s}") Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new ConfigurationException("warden.server.request-read-timeout must be positive, was " + timeout);
        }
        this.timeout = timeout;
    }

    Duration duration() {
        return timeout;
    }
}
