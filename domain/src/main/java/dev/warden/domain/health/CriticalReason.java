package dev.warden.domain.health;

import dev.warden.domain.template.QualityRating;
import dev.warden.domain.template.TemplateSnapshot;
import dev.warden.domain.template.TemplateStatus;
import java.time.Instant;

/**
 * Why a template needs a person, most urgent first: a template with several reasons is shown under
 * the first that applies. Each reason names what the admin should do, as a stable code and a short text.
 */
public enum CriticalReason {
    DISABLED("APPEAL_OR_REPLACE",
            "Meta disabled it: request a review in WhatsApp Manager or create a replacement template"),
    ARCHIVED("UNARCHIVE_BEFORE_DEADLINE",
            "Meta archived it and deletes it at the deadline: unarchive it in WhatsApp Manager if it is still needed"),
    PAUSED("REVIEW_BEFORE_UNPAUSE",
            "Meta paused it for low quality: review its content and audience before it is sent again"),
    QUALITY_RED("IMPROVE_QUALITY",
            "Its quality is RED: slow down its sends and review content and audience before Meta pauses it"),
    FLAGGED("FIX_BEFORE_DISABLE_DATE",
            "Meta flagged it and may disable it on the date given: improve its quality or stop using it"),
    CATEGORY_CONSENT_PENDING("ACKNOWLEDGE_CATEGORY_CHANGE",
            "Meta recategorised it and its campaigns are held: acknowledge the category change alert to let them run"),
    REJECTED("EDIT_AND_RESUBMIT",
            "Meta rejected it: fix the content following the rejection reason and submit it again"),
    LIMIT_EXCEEDED("DELETE_UNUSED_TEMPLATES",
            "The account reached Meta's template limit: delete templates that are no longer used"),
    PENDING_TOO_LONG("CHECK_REVIEW",
            "Meta's review takes longer than usual: check it in WhatsApp Manager or ask Meta support");

    private final String actionCode;
    private final String action;

    CriticalReason(String actionCode, String action) {
        this.actionCode = actionCode;
        this.action = action;
    }

    public String actionCode() {
        return actionCode;
    }

    public String action() {
        return action;
    }

    /**
     * Whether this reason holds for the template. This is the rule the database adapter translates to
     * SQL; the two are held to the same answer by a contract test.
     *
     * @param pendingCutoff a template PENDING since before this has waited too long
     */
    public boolean appliesTo(TemplateSnapshot t, Instant pendingCutoff) {
        return switch (this) {
            case DISABLED -> t.status() == TemplateStatus.DISABLED;
            case ARCHIVED -> t.status() == TemplateStatus.ARCHIVED;
            case PAUSED -> t.status() == TemplateStatus.PAUSED;
            case QUALITY_RED -> t.quality() == QualityRating.RED;
            case FLAGGED -> t.flagged();
            case CATEGORY_CONSENT_PENDING -> t.awaitingCategoryConsent();
            case REJECTED -> t.status() == TemplateStatus.REJECTED;
            case LIMIT_EXCEEDED -> t.status() == TemplateStatus.LIMIT_EXCEEDED;
            case PENDING_TOO_LONG -> t.status() == TemplateStatus.PENDING
                    && CriticalRule.statusSince(t).isBefore(pendingCutoff);
        };
    }
}
