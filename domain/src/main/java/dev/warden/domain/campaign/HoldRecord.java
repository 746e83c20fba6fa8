package dev.warden.domain.campaign;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of a campaign's hold history: a hold placed or lifted.
 *
 * @param by the person who placed or lifted it; empty when Warden did
 */
public record HoldRecord(CampaignId campaignId, HoldCause cause, Action action, Optional<String> detail,
                         Optional<String> by, Instant at) {

    /** What happened to the hold. */
    public enum Action {
        PLACED,
        /** Still held for the same cause, but what it refers to changed (say PAUSED, then DISABLED). */
        UPDATED,
        LIFTED
    }

    public HoldRecord {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
    }
}
