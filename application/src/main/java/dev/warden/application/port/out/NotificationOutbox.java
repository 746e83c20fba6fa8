package dev.warden.application.port.out;

import dev.warden.domain.notification.ChannelKind;
import dev.warden.domain.notification.Notification;
import dev.warden.domain.notification.NotificationStatus;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.shared.Page;
import dev.warden.domain.shared.PageRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Outgoing port: the notifications waiting to go out and those that went. Stored in the transaction
 * of what caused them; claimed, sent outside any transaction, then recorded (docs/adr/0011).
 */
public interface NotificationOutbox {

    /** What an organisation's notifications look like per channel, for the health route. */
    record ChannelHealth(ChannelKind channel, Optional<Instant> lastSuccess, Optional<Instant> lastFailure,
                         Optional<String> lastError, long backlog, long dead) {
    }

    record Filter(Optional<OrganizationId> organizationId, Optional<NotificationStatus> status,
                  Optional<ChannelKind> channel) {
    }

    /** Stores them; one whose dedupe key the organisation has already is skipped. */
    void enqueue(List<Notification> notifications);

    /**
     * Claims up to {@code limit} due notifications of no campaign (queued, retrying, or sending with an
     * expired claim), skipping those other dispatchers hold: each becomes SENDING until {@code claimUntil}
     * with one more attempt counted. Returned with the counted attempts.
     */
    List<Notification> claimDue(Instant now, Instant claimUntil, int limit);

    /**
     * The same, and besides up to {@code campaignLimit} due sends of campaigns that are RUNNING (docs/adr/0016):
     * a campaign's backlog never takes the place of alerts and transactional sends, and a campaign that is not
     * running keeps its sends. An outbox that holds no campaign sends claims only the first part.
     */
    default List<Notification> claimDue(Instant now, Instant claimUntil, int limit, int campaignLimit) {
        return claimDue(now, claimUntil, limit);
    }

    /**
     * How one claimed try ended, to be recorded.
     *
     * @param counted false for a send not tried (its campaign stopped running before the call): it waits again
     *                without the attempt its claim counted, and no try is logged
     */
    record Outcome(Notification claimed, NotificationStatus status, Instant at, Optional<String> error,
                   Optional<String> providerMessageId, Instant nextAttemptAt, boolean counted) {

        /** A try that was made. */
        public Outcome(Notification claimed, NotificationStatus status, Instant at, Optional<String> error,
                       Optional<String> providerMessageId, Instant nextAttemptAt) {
            this(claimed, status, at, error, providerMessageId, nextAttemptAt, true);
        }
    }

    /** Records a batch's outcomes together; answers the ids whose claim still held (see {@link #record}). */
    java.util.Set<UUID> recordAll(List<Outcome> outcomes);

    /**
     * Records how a claimed try ended, unless the claim was lost meanwhile (it expired and another
     * dispatcher took the notification): then nothing changes and the answer is false.
     */
    default boolean record(Notification claimed, NotificationStatus status, Instant at, Optional<String> error,
                           Optional<String> providerMessageId, Instant nextAttemptAt) {
        return recordAll(List.of(new Outcome(claimed, status, at, error, providerMessageId, nextAttemptAt)))
                .contains(claimed.id());
    }

    /** The organisation's notification with this dedupe key (an idempotent send's), without attempts. */
    Optional<Notification> findByDedupeKey(OrganizationId organizationId, String dedupeKey);

    /** With its attempts. */
    Optional<Notification> find(OrganizationId organizationId, UUID id);

    Optional<OrganizationId> ownerOf(UUID id);

    /** Newest first, without attempts. */
    Page<Notification> list(Filter filter, PageRequest page);

    List<ChannelHealth> health(OrganizationId organizationId);

    /**
     * Puts a DEAD or FAILED notification back in the queue with {@code moreAttempts} tries on top of
     * those made; false if it is neither.
     */
    boolean replay(OrganizationId organizationId, UUID id, Instant now, int moreAttempts);

    /**
     * Deletes up to {@code limit} SENT notifications (with their attempts) last updated before
     * {@code sentBefore}, oldest first, keeping those whose alert is still OPEN; answers how many went.
     */
    int purgeSent(Instant sentBefore, int limit);
}
