package dev.warden.domain.template;

import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.ChangeOutcome.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The part of a template Meta reports on: status and its markers, quality and category. Kept
 * apart from {@link MessageTemplate} so the lifecycle rules read in one place.
 */
final class TemplateState {

    private final OrganizationId organizationId;
    private final TemplateId templateId;
    private TemplateStatus status;
    private QualityRating quality;
    private TemplateCategory category;
    private boolean flagged;
    private String flagDisableDate;
    private int pauseCount;
    private PauseInfo pause;
    private Rejection rejection;
    private PendingCategoryChange pendingCategory;
    private boolean allowCategoryChange;
    private TemplateStatus statusBeforeArchive;

    TemplateState(TemplateSnapshot s) {
        this.organizationId = s.organizationId();
        this.templateId = s.id();
        this.status = s.status();
        this.quality = s.quality();
        this.category = s.category();
        this.flagged = s.flagged();
        this.flagDisableDate = s.flagDisableDate();
        this.pauseCount = s.pauseCount();
        this.pause = s.pause().orElse(null);
        this.rejection = s.rejection().orElse(null);
        this.pendingCategory = s.pendingCategory().orElse(null);
        this.allowCategoryChange = s.allowCategoryChange();
        this.statusBeforeArchive = s.statusBeforeArchive().orElse(null);
    }

    ChangeOutcome applyStatus(ReportedChange.Status change, boolean stale, TemplateHistoryEntry.Builder entry) {
        entry.event(change.event().strip().toUpperCase(java.util.Locale.ROOT)).reason(change.meaningfulReason())
                .detail("pauseTitle", change.pauseTitle()).detail("pauseDescription", change.pauseDescription())
                .detail("disableDate", change.disableDate());
        if (change.rejection() != null) {
            entry.detail("rejectionReason", change.rejection().reason())
                    .detail("recommendation", change.rejection().recommendation());
        }
        Optional<StatusMarker> marker = StatusMarker.fromMeta(change.event());
        Optional<TemplateStatus> reported = TemplateStatus.fromMeta(change.event());
        if (marker.isEmpty() && reported.isEmpty()) {
            return ChangeOutcome.recorded(Result.UNRECOGNISED, entry.unrecognised().applied(status, change.event()),
                    List.of(new TemplateEvent.UnrecognisedEventReceived(organizationId, templateId, change.event(),
                            change.occurredAt())));
        }
        if (stale) {
            return ChangeOutcome.recorded(Result.STALE, entry.stale(status, change.event()), List.of());
        }
        if (marker.isPresent()) {
            return applyMarker(marker.get(), change, entry);
        }
        return moveTo(reported.get(), change, entry);
    }

    private ChangeOutcome applyMarker(StatusMarker marker, ReportedChange.Status change,
                                      TemplateHistoryEntry.Builder entry) {
        List<TemplateEvent> events = new ArrayList<>();
        TemplateStatus previous = status;
        switch (marker) {
            case FLAGGED -> {
                if (flagged && Objects.equals(flagDisableDate, change.disableDate())) {
                    return ChangeOutcome.duplicate();
                }
                flagged = true;
                flagDisableDate = change.disableDate();
                events.add(new TemplateEvent.Flagged(organizationId, templateId, flagDisableDate, change.occurredAt()));
            }
            case REINSTATED -> {
                clearFlag(change, events);
                if (status == TemplateStatus.DISABLED || status == TemplateStatus.PAUSED) {
                    changeStatus(TemplateStatus.APPROVED, change, events);
                }
            }
            case UNARCHIVED -> {
                if (status == TemplateStatus.ARCHIVED) {
                    // Without a remembered status, UNKNOWN (not sendable) until reconciliation tells.
                    changeStatus(statusBeforeArchive == null ? TemplateStatus.UNKNOWN : statusBeforeArchive,
                            change, events);
                    statusBeforeArchive = null;
                }
            }
        }
        if (events.isEmpty()) {
            return ChangeOutcome.duplicate();
        }
        return ChangeOutcome.recorded(Result.APPLIED, entry.applied(previous, status), events);
    }

    private ChangeOutcome moveTo(TemplateStatus next, ReportedChange.Status change, TemplateHistoryEntry.Builder entry) {
        boolean fillsCategory = category == TemplateCategory.UNKNOWN && change.category() != null
                && TemplateCategory.fromMeta(change.category()) != TemplateCategory.UNKNOWN;
        if (next == status && !fillsCategory) {
            return ChangeOutcome.duplicate();
        }
        if (fillsCategory) {
            category = TemplateCategory.fromMeta(change.category());
        }
        TemplateStatus previous = status;
        List<TemplateEvent> events = new ArrayList<>();
        if (next != status) {
            switch (next) {
                case PAUSED -> {
                    pauseCount = nextPauseCount(change.pauseTitle());
                    pause = new PauseInfo(change.pauseTitle(), change.pauseDescription(), change.occurredAt());
                    entry.detail("pauseCount", pauseCount);
                }
                case DISABLED -> clearFlag(change, events);
                case REJECTED -> rejection = new Rejection(change.meaningfulReason(),
                        change.rejection() == null ? null : change.rejection().recommendation());
                case APPROVED -> rejection = null;
                case ARCHIVED -> statusBeforeArchive = status;
                default -> {
                }
            }
            changeStatus(next, change, events);
        }
        return ChangeOutcome.recorded(Result.APPLIED, entry.applied(previous, status), events);
    }

    /** Meta names the first and second pause; otherwise count on from what Warden saw. */
    private int nextPauseCount(String title) {
        if ("FIRST_PAUSE".equalsIgnoreCase(title)) {
            return 1;
        }
        if ("SECOND_PAUSE".equalsIgnoreCase(title)) {
            return 2;
        }
        return pauseCount + 1;
    }

    private void changeStatus(TemplateStatus next, ReportedChange.Status change, List<TemplateEvent> events) {
        TemplateStatus previous = status;
        status = next;
        events.add(new TemplateEvent.StatusChanged(organizationId, templateId, previous, next,
                change.meaningfulReason(), change.occurredAt()));
    }

    private void clearFlag(ReportedChange.Status change, List<TemplateEvent> events) {
        if (flagged) {
            flagged = false;
            flagDisableDate = null;
            events.add(new TemplateEvent.FlagCleared(organizationId, templateId, change.occurredAt()));
        }
    }

    ChangeOutcome applyQuality(ReportedChange.Quality change, boolean stale, TemplateHistoryEntry.Builder entry) {
        entry.event("QUALITY").detail("reportedPrevious", change.previous());
        if (stale) {
            return ChangeOutcome.recorded(Result.STALE, entry.stale(quality, change.current()), List.of());
        }
        if (change.current() == quality) {
            return ChangeOutcome.duplicate();
        }
        QualityRating previous = quality;
        quality = change.current();
        return ChangeOutcome.recorded(Result.APPLIED, entry.applied(previous, quality), List.of(
                new TemplateEvent.QualityChanged(organizationId, templateId, previous, quality, change.occurredAt())));
    }

    ChangeOutcome applyCategoryImpending(ReportedChange.CategoryImpending change, boolean stale,
                                         TemplateHistoryEntry.Builder entry) {
        TemplateCategory upcoming = TemplateCategory.fromMeta(change.upcoming());
        entry.event("CATEGORY_CHANGE_IMPENDING").detail("effectiveAt", change.effectiveAt())
                .detail("reportedCategory", change.upcoming());
        if (stale) {
            return ChangeOutcome.recorded(Result.STALE, entry.stale(category, upcoming), List.of());
        }
        PendingCategoryChange notice = new PendingCategoryChange(upcoming, change.effectiveAt());
        if (notice.equals(pendingCategory) || upcoming == category) {
            return ChangeOutcome.duplicate();
        }
        pendingCategory = notice;
        return ChangeOutcome.recorded(Result.APPLIED, entry.applied(category, upcoming), List.of(
                new TemplateEvent.CategoryChangeAnnounced(organizationId, templateId, category, upcoming,
                        change.effectiveAt(), allowCategoryChange, change.occurredAt())));
    }

    ChangeOutcome applyCategoryCompleted(ReportedChange.CategoryCompleted change, boolean stale,
                                         TemplateHistoryEntry.Builder entry) {
        TemplateCategory next = TemplateCategory.fromMeta(change.current());
        entry.event("CATEGORY_CHANGED").detail("reportedPrevious", change.previous())
                .detail("reportedCategory", change.current());
        if (stale) {
            return ChangeOutcome.recorded(Result.STALE, entry.stale(category, next), List.of());
        }
        if (next == category && pendingCategory == null) {
            return ChangeOutcome.duplicate();
        }
        TemplateCategory previous = category;
        category = next;
        pendingCategory = null;
        List<TemplateEvent> events = previous == next ? List.of() : List.of(new TemplateEvent.CategoryChanged(
                organizationId, templateId, previous, next, allowCategoryChange, change.occurredAt()));
        return ChangeOutcome.recorded(Result.APPLIED, entry.applied(previous, next), events);
    }

    void recategorise(TemplateCategory next) {
        category = next;
    }

    void allowCategoryChange(boolean allow) {
        allowCategoryChange = allow;
    }

    TemplateStatus status() {
        return status;
    }

    QualityRating quality() {
        return quality;
    }

    TemplateCategory category() {
        return category;
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

    Optional<PendingCategoryChange> pendingCategory() {
        return Optional.ofNullable(pendingCategory);
    }

    boolean allowCategoryChange() {
        return allowCategoryChange;
    }

    Optional<TemplateStatus> statusBeforeArchive() {
        return Optional.ofNullable(statusBeforeArchive);
    }
}
