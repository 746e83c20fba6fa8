package dev.warden.domain.template;

import java.time.Duration;
import java.time.Instant;

/** Meta's archive: an archived template is deleted this long after archiving, unless it is unarchived. */
public final class Archiving {

    public static final Duration DELETION_DELAY = Duration.ofDays(28);

    private Archiving() {
    }

    /** When Meta deletes a template archived at {@code archivedAt}. */
    public static Instant deletionDeadline(Instant archivedAt) {
        return archivedAt.plus(DELETION_DELAY);
    }
}
