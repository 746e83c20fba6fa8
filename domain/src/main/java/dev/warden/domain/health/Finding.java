package dev.warden.domain.health;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One reason a template is critical, since when it holds, and the date that matters next, if any:
 * when Meta deletes an archived template, the disable date Meta gave a flagged one (as Meta wrote it,
 * which may not parse), when Meta is expected to unpause a paused one.
 */
public record Finding(CriticalReason reason, Instant since, Optional<String> deadline) {

    public Finding {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(deadline, "deadline");
    }
}
