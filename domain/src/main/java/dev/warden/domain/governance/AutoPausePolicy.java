package dev.warden.domain.governance;

import dev.warden.domain.template.TemplateStatus;

/**
 * Decides which template statuses hold the campaigns that send the template. Warden runs
 * {@link #WHEN_NOT_SENDABLE}; an embedding application may pass its own.
 */
@FunctionalInterface
public interface AutoPausePolicy {

    boolean holdsCampaigns(TemplateStatus status);

    /** Any status that refuses sends holds the campaigns: PAUSED, DISABLED, ARCHIVED, PENDING, ... */
    AutoPausePolicy WHEN_NOT_SENDABLE = status -> !status.isSendable() && status != TemplateStatus.DRAFT;
}
