package dev.warden.domain.window;

import java.time.Instant;
import java.util.Optional;

/**
 * Outgoing persistence port for customer-service windows. Several inbox workers may record events
 * of one conversation at the same time, so each write is one atomic step that applies
 * {@link CustomerServiceWindow}'s rules to the stored window, never a read and a later save: no
 * update is lost, and the result does not depend on the order events arrive in.
 */
public interface CustomerServiceWindowRepository {

    /** A customer message at {@code at}: opens the window, or {@link CustomerServiceWindow#refreshedBy refreshes} it. */
    void recordInbound(ConversationKey key, Instant at);

    /**
     * A free-form send Meta failed with 131047 at {@code at}: {@link CustomerServiceWindow#closedByReEngagementFailure
     * closes} the window if there is one (a send needs an open window, so there always is in practice).
     */
    void recordReEngagementFailure(ConversationKey key, Instant at);

    Optional<CustomerServiceWindow> find(ConversationKey key);
}
