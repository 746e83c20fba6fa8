package dev.warden.domain.governance;

import dev.warden.domain.template.TemplateStatus;

/** Decides which template statuses hold the campaigns that send the template. */
@FunctionalInterface
public interface AutoPausePolicy {

    boolean holdsCampaigns(TemplateStatus status);

    /** Any status that refuses sends holds the campaigns: PAUSED, DISABLED, ARCHIVED, PENDING, ... */
    AutoPausePolicy WHEN_NOT_SENDABLE = status -> !status.isSendable() && status != TemplateStatus.DRAFT;

    /** Only Meta's quality pauses and disables, the minimum SPEC 3.3 asks for. */
    AutoPausePolicy PAUSED_OR_DISABLED = status -> status == TemplateStatus.PAUSED || status == TemplateStatus.DISABLED;
}
