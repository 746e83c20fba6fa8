package dev.warden.domain.template;

import dev.warden.domain.template.version.TemplateVersion;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What applying one reported change did: the history line to keep, the events it caused, and the
 * new version if the content changed.
 */
public record ChangeOutcome(Result result, Optional<TemplateHistoryEntry> history, List<TemplateEvent> events,
                            Optional<TemplateVersion> newVersion) {

    /** The four ways a change can end. */
    public enum Result {
        /** The template changed. */
        APPLIED,
        /** Older than the last applied change of its kind: kept in history, changed nothing. */
        STALE,
        /** Says what the template already says: no history, no effect. */
        DUPLICATE,
        /** An event Warden does not know: kept in history, changed nothing. */
        UNRECOGNISED
    }

    public ChangeOutcome {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(history, "history");
        events = List.copyOf(events);
        Objects.requireNonNull(newVersion, "newVersion");
    }

    static ChangeOutcome duplicate() {
        return new ChangeOutcome(Result.DUPLICATE, Optional.empty(), List.of(), Optional.empty());
    }

    static ChangeOutcome recorded(Result result, TemplateHistoryEntry history, List<TemplateEvent> events) {
        return new ChangeOutcome(result, Optional.of(history), events, Optional.empty());
    }

    ChangeOutcome withVersion(TemplateVersion version) {
        return new ChangeOutcome(result, history, events, Optional.of(version));
    }

    public boolean changedState() {
        return result == Result.APPLIED;
    }
}
