package dev.warden.domain.template;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where a template stands with Meta. Meta's set is open (new values appear): an event value this
 * enum does not know is recorded as unrecognised history, never turned into a status.
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

    private static final Set<TemplateStatus> LOCAL = EnumSet.of(DRAFT, UNKNOWN);

    /** Reads one of Meta's status values, ignoring case (Meta's prose writes {@code paused}). */
    public static Optional<TemplateStatus> fromMeta(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String normalised = value.strip().toUpperCase(Locale.ROOT);
        for (TemplateStatus status : values()) {
            if (!LOCAL.contains(status) && status.name().equals(normalised)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }

    /** Only an approved template can be sent; flagged ones still are. */
    public boolean isSendable() {
        return this == APPROVED;
    }

    /** Meta accepts edits to approved, rejected and paused templates; drafts are edited locally. */
    public boolean isEditable() {
        return this == DRAFT || this == APPROVED || this == REJECTED || this == PAUSED;
    }
}
