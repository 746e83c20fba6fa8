package dev.warden.domain.window;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Meta's customer-service window: every inbound customer message opens or refreshes 24 hours in
 * which any message may be sent; outside it only templates. A send Meta fails with 131047
 * ("re-engagement") proves the window is closed, so Warden closes it locally too.
 *
 * @param closedAt when a 131047 failure closed the window; an inbound message after that reopens it
 */
public record CustomerServiceWindow(ConversationKey key, Instant lastInboundAt, Optional<Instant> closedAt) {

    public static final Duration LENGTH = Duration.ofHours(24);

    public CustomerServiceWindow {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(lastInboundAt, "lastInboundAt");
        Objects.requireNonNull(closedAt, "closedAt");
    }

    public static CustomerServiceWindow openedBy(ConversationKey key, Instant inboundAt) {
        return new CustomerServiceWindow(key, inboundAt, Optional.empty());
    }

    /** A customer message; an older one delivered late changes nothing. */
    public CustomerServiceWindow refreshedBy(Instant inboundAt) {
        if (!inboundAt.isAfter(lastInboundAt)) {
            return this;
        }
        return new CustomerServiceWindow(key, inboundAt, closedAt.filter(closed -> closed.isAfter(inboundAt)));
    }

    /**
     * Meta refused a free-form send with 131047 at {@code failedAt}. A failure older than the last
     * inbound message changes nothing; of two failures the later one counts, whichever came first.
     */
    public CustomerServiceWindow closedByReEngagementFailure(Instant failedAt) {
        if (failedAt.isBefore(lastInboundAt)) {
            return this;
        }
        Instant closed = closedAt.filter(earlier -> earlier.isAfter(failedAt)).orElse(failedAt);
        return new CustomerServiceWindow(key, lastInboundAt, Optional.of(closed));
    }

    public boolean isOpenAt(Instant now) {
        return closedAt.isEmpty() && !now.isBefore(lastInboundAt) && now.isBefore(expiresAt());
    }

    public Instant expiresAt() {
        return lastInboundAt.plus(LENGTH);
    }
}
