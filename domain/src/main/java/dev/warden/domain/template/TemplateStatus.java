package dev.warden.domain.template;

/**
 * Where a template stands with Meta. Meta's set is open (new values appear): an event value this
 * enum does not know is recorded as unrecognised history, never turned into a status (the Meta
 * adapter reads Meta's values).
 * FLAGGED, REINSTATED and UNARCHIVED are events that change markers, not statuses ({@link StatusMarker}).
 */
public enum TemplateStatus {
    /** Local only: written in Warden, not yet submitted to Meta. */
    DRAFT,
    /** Local only: known from a non-status event (say quality); reconciliation fills in the real status. */
    UNKNOWN,
    PENDING,
    APPROVED,
    REJECTED,
    /** Paused by Meta for low quality: 3 h the first time, 6 h the second; the third pause disables. */
    PAUSED,
    DISABLED,
    IN_APPEAL,
    PENDING_DELETION,
    DELETED,
    LIMIT_EXCEEDED,
    LOCKED,
    ARCHIVED;

    /** Only an approved template can be sent; flagged ones still are. */
    public boolean isSendable() {
        return this == APPROVED;
    }

    /**
     * Whether this status stops sends more than {@code other}, for same-second ties: DISABLED, then
     * PAUSED, then any other status that is not sendable (in declaration order, so the outcome never
     * depends on arrival order), then APPROVED.
     */
    public boolean isMoreRestrictiveThan(TemplateStatus other) {
        int byRank = Integer.compare(restrictiveness(), other.restrictiveness());
        return byRank != 0 ? byRank > 0 : ordinal() > other.ordinal();
    }

    private int restrictiveness() {
        return switch (this) {
            case DISABLED -> 3;
            case PAUSED -> 2;
            case APPROVED -> 0;
            default -> 1;
        };
    }

    /**
     * Whether a template in this status keeps its name and language taken in its WABA: all but a
     * template Meta has deleted. (Meta also locks the name of a deleted approved template for 30 days;
     * Meta refuses that itself when the template is submitted.)
     */
    public boolean holdsItsName() {
        return this != DELETED;
    }

    /** Deleted at Meta, or on its way there: nothing will ever send it again. */
    public boolean isGone() {
        return this == DELETED || this == PENDING_DELETION;
    }

    /** Meta accepts edits to approved, rejected and paused templates; drafts are edited locally. */
    public boolean isEditable() {
        return this == DRAFT || this == APPROVED || this == REJECTED || this == PAUSED;
    }
}
