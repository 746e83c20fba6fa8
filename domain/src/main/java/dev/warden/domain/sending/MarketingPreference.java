package dev.warden.domain.sending;

import dev.warden.domain.organization.WabaId;
import dev.warden.domain.shared.OrganizationId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A contact's latest word on marketing from a WABA: a stop ({@code user_preferences} stop, or Meta's
 * 131050 on a send, at the time of the answer) or a resume, with the time it was said. Meta redelivers
 * webhooks out of order for up to 7 days, so the stored word changes only for a newer one
 * ({@link #replaces}); the marketing check reads only {@link State#OPTED_OUT} ones.
 */
public record MarketingPreference(OrganizationId organizationId, WabaId wabaId, String contact, State state,
                                  Instant at, String detail) {

    /** What the contact said last. */
    public enum State {
        OPTED_OUT,
        RESUMED
    }

    public MarketingPreference {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(wabaId, "wabaId");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(detail, "detail");
        if (contact.isEmpty()) {
            throw new IllegalArgumentException("a marketing preference is a contact's, not a whole WABA's");
        }
    }

    /**
     * The one rule for out-of-order arrivals: a word replaces the stored one only when it was said later.
     * At the same instant a stop wins over a resume, so a tie never lifts an opt-out; an equal word
     * changes nothing. Every store applies exactly this (the SQL upsert's WHERE says the same).
     */
    public boolean replaces(Optional<MarketingPreference> stored) {
        return stored.map(s -> at.isAfter(s.at()) || (at.equals(s.at()) && state == State.OPTED_OUT
                && s.state() == State.RESUMED)).orElse(true);
    }

    /** The block it puts on marketing sends; empty after a resume. */
    public Optional<SendBlock> block() {
        return state == State.OPTED_OUT ? Optional.of(new SendBlock(organizationId, wabaId, contact,
                BlockReason.MARKETING_OPT_OUT, Optional.empty(), detail, at)) : Optional.empty();
    }
}
