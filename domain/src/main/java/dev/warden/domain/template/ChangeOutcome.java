package dev.warden.domain.template;

import dev.warden.domain.template.version.TemplateVersion;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What applying one reported change did: the history lines to keep (a status event that also names
 * a new category keeps two), the events it caused, the new version if the content changed, and the
 * kinds whose clock moves on to the change's time (the stale rule).
 */
public record ChangeOutcome(Result result, List<TemplateHistoryEntry> history, List<TemplateEvent> events,
                            Optional<TemplateVersion> newVersion, Set<ChangeKind> advanced) {

    /** The four ways a change can end. */
    public enum Result {
        /** The template changed. */
        APPLIED,
        /** Older than the last applied change of its kind, or lost a same-second tie: kept in history, changed nothing. */
        STALE,
        /** Says what the template already says: no history, no effect. */
        DUPLICATE,
        /** An event Warden does not know: kept in history, changed nothing. */
        UNRECOGNISED
    }

    public ChangeOutcome {
        Objects.requireNonNull(result, "result");
        history = List.copyOf(history);
        events = List.copyOf(events);
        Objects.requireNonNull(newVersion, "newVersion");
        advanced = advanced.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(advanced));
    }

    static ChangeOutcome duplicate(Set<ChangeKind> advanced) {
        return new ChangeOutcome(Result.DUPLICATE, List.of(), List.of(), Optional.empty(), advanced);
    }

    static ChangeOutcome stale(TemplateHistoryEntry history) {
        return new ChangeOutcome(Result.STALE, List.of(history), List.of(), Optional.empty(), Set.of());
    }

    static ChangeOutcome applied(TemplateHistoryEntry history, List<TemplateEvent> events, ChangeKind advanced) {
        return new ChangeOutcome(Result.APPLIED, List.of(history), events, Optional.empty(), Set.of(advanced));
    }

    ChangeOutcome withVersion(TemplateVersion version) {
        return new ChangeOutcome(result, history, events, Optional.of(version), advanced);
    }

    ChangeOutcome withAdvanced(Set<ChangeKind> kinds) {
        return new ChangeOutcome(result, history, events, newVersion, kinds);
    }

    /**
     * This outcome followed by another part of the same change (the category a status event names):
     * everything of both, APPLIED if either applied.
     */
    ChangeOutcome and(ChangeOutcome other) {
        List<TemplateHistoryEntry> lines = new ArrayList<>(history);
        lines.addAll(other.history);
        // The other part's events first: a category change that holds campaigns must be placed before
        // an approval lifts the template's hold, or a campaign would run for a moment in between.
        List<TemplateEvent> all = new ArrayList<>(other.events);
        all.addAll(events);
        Set<ChangeKind> kinds = EnumSet.noneOf(ChangeKind.class);
        kinds.addAll(advanced);
        kinds.addAll(other.advanced);
        Result combined = other.result == Result.APPLIED && result != Result.UNRECOGNISED ? Result.APPLIED : result;
        return new ChangeOutcome(combined, lines, all, newVersion.or(() -> other.newVersion), kinds);
    }

    public boolean changedState() {
        return result == Result.APPLIED;
    }
}
