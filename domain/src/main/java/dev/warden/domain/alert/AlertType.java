package dev.warden.domain.alert;

/** What an alert is about. One unresolved alert exists per subject and type. */
public enum AlertType {
    TEMPLATE_PAUSED,
    TEMPLATE_DISABLED,
    TEMPLATE_REJECTED,
    TEMPLATE_FLAGGED,
    TEMPLATE_ARCHIVED,
    QUALITY_DEGRADED,
    CATEGORY_CHANGE_PENDING,
    CATEGORY_CHANGED,
    UNRECOGNISED_EVENT,
    UNROUTABLE_WEBHOOK,
    /** A webhook change Warden gave up on: unreadable, or failing on every retry. */
    WEBHOOK_DEAD_LETTER,
    /** Meta refused Warden's access token for a WABA: Warden stops calling Meta for it until the token changes. */
    META_ACCESS_DENIED,
    /** A notification channel refused a message for good (wallet empty, webhook revoked) or kept failing. */
    NOTIFICATION_CHANNEL_FAILING,
    /** Reconciliation found changes no webhook reported: Meta's template webhooks are not reaching Warden for a WABA. */
    WEBHOOKS_MISSING,
    /** A WABA has (nearly) as many templates as Meta allows it: new ones are refused at the limit. */
    TEMPLATE_LIMIT_NEAR,
    /** Meta stopped a WABA's sends (account locked 131031, payment 131042): Warden sends nothing from it until a person acts. */
    SENDING_STOPPED,
    /**
     * A template was not sendable, so event sends went out with its mapping's fallback template: about the
     * primary template, raised by the first such send (each send records it), resolved when the primary is
     * approved again.
     */
    FALLBACK_TEMPLATE_USED,
    /**
     * Meta drops a WABA's sends as paused while the template stays APPROVED (portfolio pacing): every
     * campaign of the WABA is held until a person releases it.
     */
    PORTFOLIO_PACING
}
