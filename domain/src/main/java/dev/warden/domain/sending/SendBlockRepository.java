package dev.warden.domain.sending;

import dev.warden.domain.organization.WabaId;
import dev.warden.domain.shared.OrganizationId;
import java.time.Instant;
import java.util.List;

/**
 * Outgoing persistence port: the WABAs' block lists. Each write is one upsert or delete, so webhooks
 * and send errors reporting the same contact at once cannot fail each other.
 */
public interface SendBlockRepository {

    /**
     * Stores it, replacing a block of the same WABA, contact and reason. Not for
     * {@link BlockReason#MARKETING_OPT_OUT}: a contact's opt-out is a {@link #prefer(MarketingPreference)}.
     */
    void block(SendBlock block);

    /**
     * Keeps the contact's word on marketing when {@link MarketingPreference#replaces} the stored one (one
     * atomic write: of two concurrent words the later-said stays, whichever arrives last); returns whether
     * it did. An {@link MarketingPreference.State#OPTED_OUT} word is then a MARKETING_OPT_OUT block in
     * {@link #active}.
     */
    boolean prefer(MarketingPreference preference);

    /** The blocks in force at {@code now} for this contact, and those of the whole WABA. */
    List<SendBlock> active(OrganizationId organizationId, WabaId wabaId, String contact, Instant now);
}
