package dev.warden.bootstrap;

import dev.warden.application.port.out.UnitOfWork;
import dev.warden.application.port.out.WebhookInbox;
import dev.warden.application.port.out.WebhookInbox.InboxBacklog;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The inbox backlog for the gauges and the readiness check, read at most every few seconds: a
 * scrape, a probe or anyone calling the anonymous health routes in a loop never load the database.
 * The inbox is looked up on first use, not when the meter registry is built: the registry is made
 * while the data source is, and asking for the inbox then would ask for a second data source.
 */
@Singleton
final class InboxBacklogReader {

    private static final Duration FRESH_FOR = Duration.ofSeconds(5);

    private final Provider<WebhookInbox> inbox;
    private final Provider<UnitOfWork> unitOfWork;
    private final Clock clock;
    private InboxBacklog last;
    private Instant readAt = Instant.MIN;

    InboxBacklogReader(Provider<WebhookInbox> inbox, Provider<UnitOfWork> unitOfWork, Clock clock) {
        this.inbox = inbox;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    /** The backlog as read at most {@link #FRESH_FOR} ago; a failure to read it propagates (the database is away). */
    synchronized InboxBacklog current() {
        Instant now = clock.instant();
        if (last == null || Duration.between(readAt, now).compareTo(FRESH_FOR) > 0) {
            last = unitOfWork.get().inTransaction(() -> inbox.get().backlog());
            readAt = now;
        }
        return last;
    }

    Instant now() {
        return clock.instant();
    }
}
