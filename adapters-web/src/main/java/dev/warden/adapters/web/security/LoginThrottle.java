package dev.warden.adapters.web.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed logins per client address, in a token bucket (bucket4j): a client that fails
 * {@code warden.login.max-failures} times is refused until the bucket refills over a minute.
 * Successful logins cost nothing, so people who sign in often are never slowed down.
 */
@Singleton
final class LoginThrottle {

    /** Enough addresses to remember for any attack a single instance sees; beyond it, start afresh. */
    private static final int MAX_TRACKED = 10_000;

    private final long maxFailures;
    private final Map<String, Bucket> failures = new ConcurrentHashMap<>();

    LoginThrottle(@Value("${warden.login.max-failures:10}") long maxFailures) {
        this.maxFailures = maxFailures;
    }

    boolean blocked(String client) {
        Bucket bucket = failures.get(client);
        return bucket != null && bucket.getAvailableTokens() <= 0;
    }

    void failed(String client) {
        if (failures.size() > MAX_TRACKED) {
            failures.clear();
        }
        failures.computeIfAbsent(client, key -> Bucket.builder().addLimit(Bandwidth.builder().capacity(maxFailures)
                .refillGreedy(maxFailures, Duration.ofMinutes(1)).build()).build()).tryConsume(1);
    }
}
