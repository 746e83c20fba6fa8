package dev.warden.application.port.out;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Outgoing port: how much of the notification outbox waits to go out, for metrics. */
public interface NotificationBacklog {

    /**
     * Notifications of no campaign not settled yet (queued, retrying, being sent), and when the one due next
     * became due. A campaign's sends wait on purpose (held, or paced); the campaign's progress shows them.
     */
    record Backlog(long waiting, Optional<Instant> nextDueAt) {

        /** How long the notification due next has been due at {@code now}; zero when none is. */
        public Duration lagAt(Instant now) {
            return nextDueAt.filter(due -> due.isBefore(now)).map(due -> Duration.between(due, now))
                    .orElse(Duration.ZERO);
        }
    }

    Backlog backlog();
}
