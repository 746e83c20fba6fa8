package dev.warden.domain.template;

import dev.warden.domain.shared.OrganizationId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The part of a template Meta reports on: status and its markers, and quality (the category is
 * {@link CategoryState}'s). Kept apart from {@link MessageTemplate} so the lifecycle rules read in
 * one place.
 *
 * <p>Ordering: each kind of change has a clock, the event time of the last change of that kind
 * applied ({@code clocks}). A change older than its kind's clock is stale. Within a same-second
 * tie of statuses the more restrictive status wins ({@link TemplateStatus#isMoreRestrictiveThan}),
 * so the outcome never depends on the order Meta's deliveries arrive in. Markers (FLAGGED,
 * REINSTATED's flag part) have their own clock and never make a real status change look stale.
 */
final class TemplateState {

    private final OrganizationId organizationId;
    private final TemplateId templateId;
    private TemplateStatus status;
    private QualityRating quality;
    private boolean flagged;
    private String flagDisableDate;
    private int pauseCount;
    private PauseInfo pause;
    private Rejection rejection;
    private TemplateStatus statusBeforeArchive;
    private final CategoryState categories;

    TemplateState(TemplateSnapshot s, CategoryState categories) {
        this.organizationId = s.organizationId();
        this.templateId = s.id();
        this.status = s.status();
        this.quality = s.quality();
        this.flagged = s.flagged();
        this.flagDisableDate = s.flagDisableDate();
        this.pauseCount = s.pauseCount();
        this.pause = s.pause().orElse(null);
        this.rejection = s.rejection().orElse(null);
        this.statusBeforeArchive = s.statusBeforeArchive().orElse(null);
        this.categories = categories;
    }

    /** A status-field event, and the category Meta named alongside it, whatever the event. */
    ChangeOutcome applyStatus(ReportedChange.Status change, Map<ChangeKind, Instant> clocks, Lines lines) {
        ChangeOutcome byEvent = applyStatusEvent(change, clocks, lines);
        return byEvent.and(categories.applyReported(change, clocks, lines));
    }

    private ChangeOutcome applyStatusEvent(ReportedChange.Status change, Map<ChangeKind, Instant> clocks, Lines lines) {
        TemplateHistoryEntry.Builder entry = lines.of(HistoryKind.STATUS).event(change.event().name())
                .reason(change.reason()).detail("pauseTitle", change.pauseTitle())
                .detail("pauseDescription", change.pauseDescription()).detail("disableDate", change.disableDate());
        if (change.rejection() != null) {
            entry.detail("rejectionReason", change.rejection().reason())
                    .detail("recommendation", change.rejection().recommendation());
        }
        if (change.event() instanceof StatusEvent.Unrecognised unknown) {
            return new ChangeOutcome(ChangeOutcome.Result.UNRECOGNISED,
                    List.of(entry.unrecognised().applied(status, unknown.name())),
                    List.of(new TemplateEvent.UnrecognisedEventReceived(organizationId, templateId, unknown.name(),
                            change.occurredAt())), Optional.empty(), Set.of());
        }
        if (change.event() instanceof StatusEvent.Marked marked) {
            return applyMarker(marked.marker(), change, clocks, entry);
        }
        return moveTo(((StatusEvent.Moved) change.event()).status(), change, clocks, entry);
    }

    private ChangeOutcome applyMarker(StatusMarker marker, ReportedChange.Status change,
                                      Map<ChangeKind, Instant> clocks, TemplateHistoryEntry.Builder entry) {
        Instant at = change.occurredAt();
        boolean markerCurrent = !isBefore(at, clocks.get(ChangeKind.MARKER));
        boolean statusCurrent = !isBefore(at, clocks.get(ChangeKind.STATUS));
        List<TemplateEvent> events = new ArrayList<>();
        Set<ChangeKind> advanced = new java.util.HashSet<>();
        TemplateStatus previous = status;
        switch (marker) {
            case FLAGGED -> {
                if (!markerCurrent) {
                    return ChangeOutcome.stale(entry.stale(flagged ? "FLAGGED" : "not flagged", "FLAGGED"));
                }
                advanced.add(ChangeKind.MARKER);
                if (!flagged || !Objects.equals(flagDisableDate, change.disableDate())) {
                    flagged = true;
                    flagDisableDate = change.disableDate();
                    events.add(new TemplateEvent.Flagged(organizationId, templateId, flagDisableDate, at));
                }
            }
            case REINSTATED -> {
                boolean restores = status == TemplateStatus.DISABLED || status == TemplateStatus.PAUSED;
                // In a same-second tie the more restrictive status stands, as for any status change.
                boolean lostTie = restores && at.equals(clocks.get(ChangeKind.STATUS));
                if (!markerCurrent && (!statusCurrent || lostTie)) {
                    return ChangeOutcome.stale(entry.stale(status, "REINSTATED"));
                }
                if (markerCurrent) {
                    advanced.add(ChangeKind.MARKER);
                    clearFlag(at, events);
                }
                if (statusCurrent && restores && !lostTie) {
                    advanced.add(ChangeKind.STATUS);
                    changeStatus(TemplateStatus.APPROVED, change, events);
                } else if (lostTie && events.isEmpty()) {
                    return ChangeOutcome.stale(entry.detail("lostTieTo", status).stale(status, "REINSTATED"))
                            .withAdvanced(advanced);
                }
            }
            case UNARCHIVED -> {
                if (!statusCurrent) {
                    return ChangeOutcome.stale(entry.stale(status, "UNARCHIVED"));
                }
                if (status == TemplateStatus.ARCHIVED) {
                    advanced.add(ChangeKind.STATUS);
                    // Without a remembered status, UNKNOWN (not sendable) until reconciliation tells.
                    changeStatus(statusBeforeArchive == null ? TemplateStatus.UNKNOWN : statusBeforeArchive,
                            change, events);
                    statusBeforeArchive = null;
                }
            }
        }
        if (events.isEmpty()) {
            return ChangeOutcome.duplicate(advanced);
        }
        return new ChangeOutcome(ChangeOutcome.Result.APPLIED, List.of(entry.applied(previous, status)), events,
                Optional.empty(), advanced);
    }

    private ChangeOutcome moveTo(TemplateStatus next, ReportedChange.Status change, Map<ChangeKind, Instant> clocks,
                                 TemplateHistoryEntry.Builder entry) {
        Instant last = clocks.get(ChangeKind.STATUS);
        if (isBefore(change.occurredAt(), last)) {
            return ChangeOutcome.stale(entry.stale(status, next));
        }
        if (next == status) {
            return ChangeOutcome.duplicate(Set.of(ChangeKind.STATUS));
        }
        if (change.occurredAt().equals(last) && status.isMoreRestrictiveThan(next)) {
            // A same-second tie: the more restrictive status stands, whichever arrived first.
            return ChangeOutcome.stale(entry.detail("lostTieTo", status).stale(status, next));
        }
        TemplateStatus previous = status;
        List<TemplateEvent> events = new ArrayList<>();
        switch (next) {
            case PAUSED -> {
                pauseCount = nextPauseCount(change.pauseKind());
                pause = new PauseInfo(change.pauseKind(), change.pauseTitle(), change.pauseDescription(),
                        change.occurredAt());
                entry.detail("pauseCount", pauseCount).detail("pauseKind", change.pauseKind());
            }
            case DISABLED -> clearFlag(change.occurredAt(), events);  // moves the marker clock too, below
            case REJECTED -> rejection = new Rejection(change.reason(),
                    change.rejection() == null ? null : change.rejection().recommendation());
            case APPROVED -> rejection = null;
            case ARCHIVED -> statusBeforeArchive = status;
            default -> {
            }
        }
        changeStatus(next, change, events);
        ChangeOutcome applied = ChangeOutcome.applied(entry.applied(previous, status), events, ChangeKind.STATUS);
        // Disabling clears the flag: a FLAGGED older than that, arriving later, must not flag it again.
        return next == TemplateStatus.DISABLED ? applied.withAdvanced(Set.of(ChangeKind.STATUS, ChangeKind.MARKER))
                : applied;
    }

    /** Meta names the first and second pause; a pause during pacing is not a quality pause; else count on. */
    private int nextPauseCount(PauseKind kind) {
        return switch (kind) {
            case FIRST -> 1;
            case SECOND -> 2;
            case RATE_LIMITING -> pauseCount;
            case UNSPECIFIED -> pauseCount + 1;
        };
    }

    private void changeStatus(TemplateStatus next, ReportedChange.Status change, List<TemplateEvent> events) {
        TemplateStatus previous = status;
        status = next;
        events.add(new TemplateEvent.StatusChanged(organizationId, templateId, previous, next, change.reason(),
                change.occurredAt()));
    }

    private void clearFlag(Instant at, List<TemplateEvent> events) {
        if (flagged) {
            flagged = false;
            flagDisableDate = null;
            events.add(new TemplateEvent.FlagCleared(organizationId, templateId, at));
        }
    }

    ChangeOutcome applyQuality(ReportedChange.Quality change, Map<ChangeKind, Instant> clocks, Lines lines) {
        TemplateHistoryEntry.Builder entry = lines.of(HistoryKind.QUALITY).event("QUALITY")
                .detail("reportedPrevious", change.previous());
        if (isBefore(change.occurredAt(), clocks.get(ChangeKind.QUALITY))) {
            return ChangeOutcome.stale(entry.stale(quality, change.current()));
        }
        if (change.current() == quality) {
            return ChangeOutcome.duplicate(Set.of(ChangeKind.QUALITY));
        }
        QualityRating previous = quality;
        quality = change.current();
        return ChangeOutcome.applied(entry.applied(previous, quality), List.of(
                new TemplateEvent.QualityChanged(organizationId, templateId, previous, quality, change.occurredAt())),
                ChangeKind.QUALITY);
    }

    static boolean isBefore(Instant at, Instant clock) {
        return clock != null && at.isBefore(clock);
    }

    /** Starts the history lines of the change being applied. */
    @FunctionalInterface
    interface Lines {
        TemplateHistoryEntry.Builder of(HistoryKind kind);
    }

    TemplateStatus status() {
        return status;
    }

    QualityRating quality() {
        return quality;
    }

    boolean flagged() {
        return flagged;
    }

    String flagDisableDate() {
        return flagDisableDate;
    }

    int pauseCount() {
        return pauseCount;
    }

    Optional<PauseInfo> pause() {
        return Optional.ofNullable(pause);
    }

    Optional<Rejection> rejection() {
        return Optional.ofNullable(rejection);
    }

    Optional<TemplateStatus> statusBeforeArchive() {
        return Optional.ofNullable(statusBeforeArchive);
    }
}
