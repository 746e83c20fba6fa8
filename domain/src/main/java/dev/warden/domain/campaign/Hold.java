package dev.warden.domain.campaign;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One reason a campaign is held, since when, and who placed it.
 *
 * @param detail what the cause refers to, e.g. the template status for {@link HoldCause#TEMPLATE_STATUS}
 * @param by     the person who placed a manual hold; empty for Warden's own holds
 */
public record Hold(HoldCause cause, Optional<String> detail, Instant since, Optional<String> by) {

    public Hold {
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(by, "by");
        if (cause == HoldCause.MANUAL && by.filter(name -> !name.isBlank()).isEmpty()) {
            throw new IllegalArgumentException("a manual hold names the person who placed it");
        }
    }

    /** A hold Warden places for a cause of its own. */
    public static Hold bySystem(HoldCause cause, String detail, Instant since) {
        return new Hold(cause, Optional.ofNullable(detail), since, Optional.empty());
    }

    /** A person pauses the campaign. */
    public static Hold manual(String username, Instant since) {
        return new Hold(HoldCause.MANUAL, Optional.empty(), since, Optional.of(username));
    }
}
