package dev.warden.domain.governance;

import dev.warden.domain.campaign.PauseReason;
import dev.warden.domain.template.TemplateStatus;
import java.util.Optional;

/** Decides whether a template's new status pauses the campaigns that send it, and with which reason. */
@FunctionalInterface
public interface AutoPausePolicy {

    Optional<PauseReason> pauseFor(TemplateStatus newStatus);

    /** Any status that refuses sends pauses the campaigns: TEMPLATE_PAUSED, TEMPLATE_DISABLED, ... */
    AutoPausePolicy WHEN_NOT_SENDABLE = status -> status.isSendable() || status == TemplateStatus.DRAFT
            ? Optional.empty() : Optional.of(PauseReason.forTemplateStatus(status));

    /** Only Meta's quality pauses and disables, the minimum SPEC 3.3 asks for. */
    AutoPausePolicy PAUSED_OR_DISABLED = status -> status == TemplateStatus.PAUSED || status == TemplateStatus.DISABLED
            ? Optional.of(PauseReason.forTemplateStatus(status)) : Optional.empty();
}
