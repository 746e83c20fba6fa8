package dev.warden.application.port.out;

import java.util.Objects;
import java.util.Optional;

/**
 * A dead change put back in the inbox.
 *
 * @param wabaId     the WABA it came for; empty for a change that named none
 * @param othersDead whether that WABA (or, for none, the changes of no WABA) still has dead letters
 */
public record ReplayedChange(Optional<String> wabaId, boolean othersDead) {

    public ReplayedChange {
        Objects.requireNonNull(wabaId, "wabaId");
    }
}
