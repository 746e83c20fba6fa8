package dev.warden.adapters.web.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.warden.domain.shared.InvalidValue;
import dev.warden.domain.user.Username;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;

/**
 * Failed logins per client address and per username, each in a token bucket (bucket4j): an address
 * that fails {@code warden.login.max-failures} times, or a username failed
 * {@code warden.login.max-failures-per-username} times from any addresses, is refused until its
 * bucket refills over a minute. An attempt takes its token up front, so a burst of parallel guesses
 * cannot overshoot the budget, and gets it back when it succeeds: people who sign in often are never
 * slowed down.
 *
 * <p>Anyone can add addresses and usernames, so each table is bounded ({@code warden.login.max-tracked})
 * and evicts one entry at a time, favouring entries used often (Caffeine's TinyLFU): a flood of new
 * names cannot push out a client that keeps guessing. An entry idle for the refill period is dropped,
 * since its bucket would be full again anyway.
 */
@Singleton
final class LoginThrottle {

    private static final Duration REFILL = Duration.ofMinutes(1);

    private final long maxFailuresPerAddress;
    private final long maxFailuresPerUsername;
    private final Cache<String, Bucket> addresses;
    private final Cache<String, Bucket> usernames;

    LoginThrottle(@Value("${warden.login.max-failures:10}") long maxFailuresPerAddress,
                  @Value("${warden.login.max-failures-per-username:10}") long maxFailuresPerUsername,
                  @Value("${warden.login.max-tracked:10000}") long maxTracked) {
        this.maxFailuresPerAddress = maxFailuresPerAddress;
        this.maxFailuresPerUsername = maxFailuresPerUsername;
        this.addresses = table(maxTracked);
        this.usernames = table(maxTracked);
    }

    /**
     * Takes one attempt from the address's and the username's budgets.
     *
     * @throws TooManyFailedLogins when either budget is used up; then neither is charged
     */
    Attempt begin(String address, String username) {
        Bucket byAddress = addresses.get(address, key -> bucket(maxFailuresPerAddress));
        take(byAddress, "too many failed logins from this address");
        Optional<Bucket> byUsername = account(username)
                .map(name -> usernames.get(name, key -> bucket(maxFailuresPerUsername)));
        try {
            byUsername.ifPresent(bucket -> take(bucket, "too many failed logins for this username"));
        } catch (TooManyFailedLogins refused) {
            byAddress.addTokens(1);
            throw refused;
        }
        return () -> {
            byAddress.addTokens(1);
            byUsername.ifPresent(bucket -> bucket.addTokens(1));
        };
    }

    /** Entries held now, after pending evictions: never more than {@code max-tracked} per table. */
    long tracked() {
        addresses.cleanUp();
        usernames.cleanUp();
        return Math.max(addresses.estimatedSize(), usernames.estimatedSize());
    }

    /** One counted login attempt: it keeps its token only if it fails. */
    @FunctionalInterface
    interface Attempt {
        /** The attempt succeeded or never got to check the password: it costs nothing. */
        void refund();
    }

    /** Only names that could be an account get a budget; others cannot be guessed, and cannot bloat the table. */
    private static Optional<String> account(String username) {
        try {
            return Optional.of(new Username(username).value());
        } catch (InvalidValue | NullPointerException e) {
            return Optional.empty();
        }
    }

    private static void take(Bucket bucket, String reason) {
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
            throw new TooManyFailedLogins(reason, Duration.ofSeconds(seconds));
        }
    }

    private static Bucket bucket(long capacity) {
        return Bucket.builder().addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, REFILL)
                .build()).build();
    }

    private static Cache<String, Bucket> table(long maxTracked) {
        // Evictions run on the calling thread: cheap, and no pool thread to reason about.
        return Caffeine.newBuilder().maximumSize(maxTracked).expireAfterAccess(REFILL)
                .executor(Runnable::run).build();
    }
}
