package dev.warden.application.port.out;

import dev.warden.domain.organization.WabaId;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.shared.Page;
import dev.warden.domain.shared.PageRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Outgoing port: the changes of Meta's webhooks waiting to be applied ({@link DeliveryStore}
 * adds them before the 200). Claims lock rows so several instances share the work (FOR UPDATE
 * SKIP LOCKED), and every method runs inside the caller's unit of work.
 */
public interface WebhookInbox {

    /** Pending changes whose time has come, oldest first, locked for the caller's transaction. */
    List<InboxChange> claimDueChanges(Instant now, int limit);

    /** One pending change by id, locked for the caller's transaction; empty if another worker holds it or it is done. */
    Optional<InboxChange> claimChange(long changeId);

    /** Marks applied changes done, all in one round trip. */
    void markDone(List<CompletedChange> completed, Instant now);

    /** A change applied for an organisation, with what it did. */
    record CompletedChange(long changeId, OrganizationId organizationId, String outcome) {
    }

    void markIgnored(long changeId, String reason, Instant now);

    void markUnroutable(long changeId, Instant now);

    /** Records a failed attempt: retry at {@code nextAttemptAt}. */
    void markFailed(long changeId, int attempts, String error, Instant nextAttemptAt);

    /**
     * Sends a still-pending change to the dead letters; false when it is not pending any more (another
     * worker settled it meanwhile), and then nothing changes.
     */
    boolean markDead(long changeId, int attempts, String error, Instant now);

    /** Makes the unroutable changes of a WABA pending again; returns how many. */
    int requeueUnroutable(WabaId wabaId, Instant now);

    /**
     * The distinct WABAs that have unroutable changes and are registered to an organisation now, at
     * most {@code limit}: WABAs nobody registered are left out, so however many there are they never
     * crowd out one that can be routed.
     */
    List<WabaId> unroutableWabas(int limit);

    Page<DeadLetter> deadLetters(PageRequest page);

    /** Makes a dead change pending again with a fresh attempt count; empty when it is not dead. */
    Optional<ReplayedChange> replay(long changeId, Instant now);

    /**
     * Deletes changes applied or ignored before {@code settledBefore}, and deliveries received
     * before it that no longer have changes; at most {@code limit} changes per call. Pending,
     * unroutable and dead changes are never deleted. Returns how many changes went.
     */
    int purgeSettled(Instant settledBefore, int limit);

    /** How many changes wait: pending (due or not), unroutable, dead. */
    InboxBacklog backlog();

    /**
     * Counts the inbox reports on, and when the change processing takes next (the pending change
     * due first) was received: how far processing is behind. A change waiting out a retry delay is
     * not behind; the one due before it is.
     */
    record InboxBacklog(long pending, Optional<Instant> nextDueReceivedAt, long unroutable, long dead) {

        /** How long the change processing takes next has waited at {@code now}; zero when none waits. */
        public Duration lagAt(Instant now) {
            return nextDueReceivedAt.map(received -> Duration.between(received, now)).filter(lag -> !lag.isNegative())
                    .orElse(Duration.ZERO);
        }
    }
}
