package dev.warden.domain.template;

/** Where a change came from. */
public enum ChangeSource {
    /** Meta's webhook. */
    WEBHOOK,
    /** Warden's periodic comparison with the Graph API. */
    RECONCILE,
    /** A person, through the API or dashboard. */
    USER
}
