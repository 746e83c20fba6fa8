package dev.warden.adapters.web.server;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.convert.format.ReadableBytes;
import io.micronaut.http.server.HttpServerConfiguration;
import jakarta.inject.Singleton;

/**
 * How many bytes of request bodies the server holds at once, over all connections. Netty buffers a
 * body (up to {@code micronaut.server.max-request-size}) before the webhook's signature can be checked,
 * and nothing else bounds how many connections do so together: without this budget, N unauthenticated
 * connections hold N times the largest body. Each body is charged as its bytes arrive and released when
 * its request is answered, and must arrive in time ({@link RequestReadTimeout}); a request that does not
 * fit is answered 503 with {@code Retry-After} (Meta retries a webhook delivery) by
 * {@link RequestBodyBudgetHandler}.
 */
@Singleton
public final class RequestBodyBudget {

    private final BoundedCount held;

    RequestBodyBudget(@Value("${warden.server.max-body-bytes-in-flight:32MB}") @ReadableBytes long limit,
                      HttpServerConfiguration server) {
        if (limit < server.getMaxRequestSize()) {
            throw new ConfigurationException("warden.server.max-body-bytes-in-flight (" + limit
                    + " bytes) must be at least micronaut.server.max-request-size (" + server.getMaxRequestSize()
                    + " bytes), or the largest body accepted could never be read");
        }
        this.held = new BoundedCount(limit);
    }

    /** Charges {@code bytes}; false, charging nothing, when they do not fit. */
    boolean tryCharge(long bytes) {
        return held.tryAdd(bytes);
    }

    void release(long bytes) {
        held.subtract(bytes);
    }

    /** Bytes of request bodies held now. */
    public long held() {
        return held.value();
    }

    /** Requests refused since start because their bodies did not fit. */
    public long refused() {
        return held.refused();
    }
}
