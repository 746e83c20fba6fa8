package dev.warden.domain.campaign;

/** A campaign's life: DRAFT -> RUNNING <-> PAUSED -> COMPLETED, or CANCELLED from any open state. */
public enum CampaignStatus {
    DRAFT, RUNNING, PAUSED, COMPLETED, CANCELLED;

    public boolean isFinished() {
        return this == COMPLETED || this == CANCELLED;
    }
}
