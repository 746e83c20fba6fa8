package dev.warden.domain.campaign;

import dev.warden.domain.shared.InvalidValue;
import dev.warden.domain.template.TemplateStatus;
import java.util.EnumSet;
import java.util.Set;

/** Why a campaign is paused. TEMPLATE_* reasons and CATEGORY_CHANGED are Warden's; MANUAL is a person's. */
public enum PauseReason {
    MANUAL,
    CATEGORY_CHANGED,
    TEMPLATE_PAUSED,
    TEMPLATE_DISABLED,
    TEMPLATE_REJECTED,
    TEMPLATE_PENDING,
    TEMPLATE_IN_APPEAL,
    TEMPLATE_PENDING_DELETION,
    TEMPLATE_DELETED,
    TEMPLATE_LIMIT_EXCEEDED,
    TEMPLATE_LOCKED,
    TEMPLATE_ARCHIVED,
    TEMPLATE_UNKNOWN;

    /** Reasons that clear when the template is APPROVED again. */
    public static final Set<PauseReason> TEMPLATE_STATUS_REASONS = EnumSet.range(TEMPLATE_PAUSED, TEMPLATE_UNKNOWN);

    /** {@code TEMPLATE_<STATUS>} for a status that stops sends. */
    public static PauseReason forTemplateStatus(TemplateStatus status) {
        if (status.isSendable() || status == TemplateStatus.DRAFT) {
            throw new InvalidValue("a " + status + " template is no reason to pause a campaign");
        }
        return valueOf("TEMPLATE_" + status.name());
    }
}
