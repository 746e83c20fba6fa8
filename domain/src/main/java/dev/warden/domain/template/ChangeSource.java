package dev.warden.domain.template;

/** Where a change came from. */
public enum ChangeSource {
    /** Meta's webhook. */
    WEBHOOK,
    /** Warden's periodic comparison with the Graph API. */
    RECONCILE,
    /** A person, through the API or dashboard. */
    USER,
    /**
     * Warden's periodic snapshot of the quality it holds: not a change, a point on a quality trend
     * (only quality observations carry it, never a template's history).
     */
    SNAPSHOT
}
