package dev.warden.adapters.meta.graph;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How Warden reaches Meta's Graph API.
 *
 * @param baseUrl        the versioned base, e.g. {@code https://graph.facebook.com/v24.0}: the version lives only here
 * @param accessToken    the system-user token; blank means not configured (never logged)
 * @param attempts       tries per call when Meta is unavailable or rate-limits, the first included
 * @param backoff        wait before the second try, doubled before each further one
 * @param pageSize       templates asked for per page ({@code limit})
 */
public record GraphSettings(URI baseUrl, String accessToken, Duration connectTimeout, Duration readTimeout,
                            int attempts, Duration backoff, int pageSize) {

    public GraphSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        accessToken = accessToken == null ? "" : accessToken.strip();
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
        }
        Objects.requireNonNull(backoff, "backoff");
        if (pageSize < 1 || pageSize > 1000) {
            throw new IllegalArgumentException("pageSize must be between 1 and 1000, was " + pageSize);
        }
        String base = baseUrl.toString();
        baseUrl = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
    }

    public boolean hasToken() {
        return !accessToken.isEmpty();
    }

    @Override
    public String toString() {
        // A record's toString would print the token.
        return "GraphSettings[" + baseUrl + ", token " + (hasToken() ? "set" : "missing") + "]";
    }
}
