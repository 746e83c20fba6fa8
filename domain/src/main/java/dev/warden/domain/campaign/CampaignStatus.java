package dev.warden.domain.campaign;

/**
 * A campaign's life: DRAFT, then started: RUNNING while it has no hold, PAUSED while it has any;
 * COMPLETED, or CANCELLED from any open state.
 */
public enum CampaignStatus {
    DRAFT, RUNNING, PAUSED, COMPLETED, CANCELLED;

    public boolean isFinished() {
        return this == COMPLETED || this == CANCELLED;
    }

    public boolean isStarted() {
        return this == RUNNING || this == PAUSED;
    }
}
