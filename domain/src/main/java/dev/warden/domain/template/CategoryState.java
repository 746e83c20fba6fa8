package dev.warden.domain.template;

import dev.warden.domain.shared.OrganizationId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A template's category as Meta reports it: impending and completed recategorisations, the
 * category any status event names, the template's policy ({@code allow_category_change}) and the
 * consent a change against it waits for. The staleness rule is {@link TemplateState}'s, on the
 * CATEGORY clock.
 */
final class CategoryState {

    /** History event of a category Meta named with a status event. */
    static final String REPORTED = "CATEGORY_REPORTED";
    /** History event of a category change Meta announced or made. */
    static final String CHANGED = "CATEGORY_CHANGED";

    private final OrganizationId organizationId;
    private final TemplateId templateId;
    private TemplateCategory category;
    private PendingCategoryChange pendingCategory;
    private boolean allowCategoryChange;
    private boolean awaitingCategoryConsent;

    CategoryState(TemplateSnapshot s) {
        this.organizationId = s.organizationId();
        this.templateId = s.id();
        this.category = s.category();
        this.pendingCategory = s.pendingCategory().orElse(null);
        this.allowCategoryChange = s.allowCategoryChange();
        this.awaitingCategoryConsent = s.awaitingCategoryConsent();
    }

    /**
     * The category a status event names is information like any other: it fills an unknown
     * category, and a different one is a category change with everything that follows from it.
     */
    ChangeOutcome applyReported(ReportedChange.Status change, Map<ChangeKind, Instant> clocks,
                                TemplateState.Lines lines) {
        TemplateCategory reported = change.category();
        if (reported == null || reported == TemplateCategory.UNKNOWN) {
            return ChangeOutcome.duplicate(Set.of());
        }
        boolean stale = TemplateState.isBefore(change.occurredAt(), clocks.get(ChangeKind.CATEGORY));
        if (reported == category) {
            // A newer confirmation moves the category clock on, so an older event naming another
            // category, arriving later, is stale instead of flipping the category back.
            return ChangeOutcome.duplicate(stale ? Set.of() : Set.of(ChangeKind.CATEGORY));
        }
        if (stale) {
            return ChangeOutcome.stale(lines.of(HistoryKind.CATEGORY).event(REPORTED)
                    .detail("reportedWith", change.event().name()).stale(category, reported));
        }
        if (category == TemplateCategory.UNKNOWN) {
            // Filling in what a stub did not know yet, as creating it from this event would have:
            // no history line, so the record does not depend on which event arrived first.
            category = reported;
            return new ChangeOutcome(ChangeOutcome.Result.APPLIED, List.of(), List.of(), Optional.empty(),
                    Set.of(ChangeKind.CATEGORY));
        }
        return recategorised(reported, change.occurredAt(), lines.of(HistoryKind.CATEGORY).event(REPORTED)
                .detail("reportedWith", change.event().name()));
    }

    ChangeOutcome applyCategoryImpending(ReportedChange.CategoryImpending change, Map<ChangeKind, Instant> clocks,
                                         TemplateState.Lines lines) {
        TemplateCategory upcoming = change.upcoming();
        TemplateHistoryEntry.Builder entry = lines.of(HistoryKind.CATEGORY).event("CATEGORY_CHANGE_IMPENDING")
                .detail("effectiveAt", change.effectiveAt()).detail("reportedCategory", change.asReported());
        if (TemplateState.isBefore(change.occurredAt(), clocks.get(ChangeKind.CATEGORY))) {
            return ChangeOutcome.stale(entry.stale(category, upcoming));
        }
        PendingCategoryChange notice = new PendingCategoryChange(upcoming, change.effectiveAt());
        if (notice.equals(pendingCategory) || upcoming == category) {
            return ChangeOutcome.duplicate(Set.of(ChangeKind.CATEGORY));
        }
        pendingCategory = notice;
        return ChangeOutcome.applied(entry.applied(category, upcoming), List.of(
                new TemplateEvent.CategoryChangeAnnounced(organizationId, templateId, category, upcoming,
                        change.effectiveAt(), allowCategoryChange, change.occurredAt())), ChangeKind.CATEGORY);
    }

    ChangeOutcome applyCategoryCompleted(ReportedChange.CategoryCompleted change, Map<ChangeKind, Instant> clocks,
                                         TemplateState.Lines lines) {
        TemplateCategory next = change.current();
        TemplateHistoryEntry.Builder entry = lines.of(HistoryKind.CATEGORY).event(CHANGED)
                .detail("reportedPrevious", change.previousAsReported()).detail("reportedCategory", change.asReported());
        if (TemplateState.isBefore(change.occurredAt(), clocks.get(ChangeKind.CATEGORY))) {
            return ChangeOutcome.stale(entry.stale(category, next));
        }
        if (next == category && pendingCategory == null) {
            return ChangeOutcome.duplicate(Set.of(ChangeKind.CATEGORY));
        }
        return recategorised(next, change.occurredAt(), entry);
    }

    /**
     * The category is now {@code next}. From a known category that is a change the policy judges
     * (an alert and held campaigns unless allowed, until a person consents); an unknown one is
     * simply filled in.
     */
    private ChangeOutcome recategorised(TemplateCategory next, Instant at, TemplateHistoryEntry.Builder entry) {
        TemplateCategory previous = category;
        category = next;
        pendingCategory = null;
        List<TemplateEvent> events = new ArrayList<>();
        if (previous != next && previous != TemplateCategory.UNKNOWN && next != TemplateCategory.UNKNOWN) {
            awaitingCategoryConsent = awaitingCategoryConsent || !allowCategoryChange;
            events.add(new TemplateEvent.CategoryChanged(organizationId, templateId, previous, next,
                    allowCategoryChange, at));
        }
        return ChangeOutcome.applied(entry.applied(previous, next), events, ChangeKind.CATEGORY);
    }

    /** A person consents to Meta's recategorisation; nothing happens unless the template awaited it. */
    Optional<TemplateEvent.CategoryChangeConsented> consentToCategoryChange(String username, Instant now) {
        if (!awaitingCategoryConsent) {
            return Optional.empty();
        }
        awaitingCategoryConsent = false;
        return Optional.of(new TemplateEvent.CategoryChangeConsented(organizationId, templateId, category, username,
                now));
    }

    void recategorise(TemplateCategory next) {
        category = next;
    }

    void allowCategoryChange(boolean allow) {
        allowCategoryChange = allow;
    }

    TemplateCategory category() {
        return category;
    }

    Optional<PendingCategoryChange> pendingCategory() {
        return Optional.ofNullable(pendingCategory);
    }

    boolean allowCategoryChange() {
        return allowCategoryChange;
    }

    boolean awaitingCategoryConsent() {
        return awaitingCategoryConsent;
    }
}
