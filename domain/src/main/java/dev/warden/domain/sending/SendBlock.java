package dev.warden.domain.sending;

import dev.warden.domain.organization.WabaId;
import dev.warden.domain.shared.OrganizationId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a WABA's block list: a contact that must not get marketing (opt-out, cool-down), or the
 * whole WABA stopped ({@link #WHOLE_WABA} as the contact).
 *
 * @param until when the block ends by itself; empty until a person lifts it (a stopped WABA)
 */
public record SendBlock(OrganizationId organizationId, WabaId wabaId, String contact, BlockReason reason,
                        Optional<Instant> until, String detail, Instant since) {

    public static final String WHOLE_WABA = "";

    public SendBlock {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(wabaId, "wabaId");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(since, "since");
    }

    public boolean activeAt(Instant now) {
        return until.map(now::isBefore).orElse(true);
    }

    /** Why a send is refused, as a person reads it. */
    public String describe() {
        return switch (reason) {
            case MARKETING_OPT_OUT -> "the contact opted out of marketing messages from WABA " + wabaId
                    + " (since " + since + ")";
            case COOL_DOWN -> "Meta asks for no marketing to this contact until " + until.map(Instant::toString)
                    .orElse("further notice") + " (131049, ecosystem-engagement limit)";
            case SENDING_STOPPED -> "every send of WABA " + wabaId + " is stopped since " + since + ": " + detail;
        };
    }
}
