package dev.warden.domain.sending;

import dev.warden.domain.template.TemplateCategory;
import java.util.Optional;

/** Why a WABA must not send to a contact (or, for {@link #SENDING_STOPPED}, to anyone). */
public enum BlockReason {
    /** The user stopped marketing messages ({@code user_preferences} stop, or error 131050) until a resume. */
    MARKETING_OPT_OUT,
    /** Meta's ecosystem-engagement limit (131049): no marketing for 24 hours. */
    COOL_DOWN,
    /** The account is locked or cannot pay (131031, 131042): nothing goes out until a person acts. */
    SENDING_STOPPED;

    /**
     * Whether a campaign's send this block refuses waits for it to end (Meta's cool-down, a stopped WABA a
     * person will restart) rather than being skipped: an opt-out is the contact's own word.
     */
    public boolean isWaitedOut() {
        return this != MARKETING_OPT_OUT;
    }

    /** Whether a block for this reason refuses a send of this category (empty: a free-form text). */
    public boolean refuses(Optional<TemplateCategory> category) {
        return switch (this) {
            case SENDING_STOPPED -> true;
            case MARKETING_OPT_OUT, COOL_DOWN -> category.filter(c -> c == TemplateCategory.MARKETING).isPresent();
        };
    }
}
