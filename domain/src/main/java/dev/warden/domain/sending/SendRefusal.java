package dev.warden.domain.sending;

/**
 * What a provider's refusal of one send says, sorted by what it is about ({@link Scope}) and whether a
 * later try can pass. The provider adapters map their wire codes to these (for Meta, one table in
 * adapters-meta); what Warden does about each is decided once, here and in the send path.
 */
public enum SendRefusal {
    /** The sender's throughput or rate limit (Meta 4, 80007, 130429, 131048): back off, the same send passes later. */
    RATE_LIMITED(Scope.ACCOUNT, true),
    /** Too many messages to this one user in a short time (131056): wait a few seconds. */
    PAIR_RATE_LIMITED(Scope.RECIPIENT, true),
    /** The provider's own trouble (5xx, 1, 2, 131000, 131016, 131057 maintenance): try again. */
    TRANSIENT(Scope.MESSAGE, true),
    /** Meta's ecosystem-engagement limit (131049): no marketing to this user for 24 hours. */
    RECIPIENT_COOL_DOWN(Scope.RECIPIENT, false),
    /** The user cannot get this message (131026 undeliverable, 130472 experiment, 130497 country): not the template's fault. */
    RECIPIENT_UNREACHABLE(Scope.RECIPIENT, false),
    /** The user stopped marketing messages (131050): kept on the WABA's opt-out list. */
    MARKETING_OPT_OUT(Scope.RECIPIENT, false),
    /** A free-form send outside the 24-hour customer-service window (131047): the window is closed. */
    WINDOW_CLOSED(Scope.RECIPIENT, false),
    /** The template does not fit the send (132000, 132001, 132012, 132018) or breaks policy (132007). */
    TEMPLATE_MISMATCH(Scope.TEMPLATE, false),
    /**
     * The template is paused (132015), or its send was dropped during pacing, which Meta reports the same
     * way while the template stays APPROVED: asked of Meta before the template is treated as paused.
     */
    TEMPLATE_PAUSED(Scope.TEMPLATE, false),
    /** The template is disabled (132016). */
    TEMPLATE_DISABLED(Scope.TEMPLATE, false),
    /** The account is locked (131031) or cannot pay (131042): every send of the WABA stops until a person acts. */
    ACCOUNT_STOPPED(Scope.ACCOUNT, false),
    /** The token, a permission, the sending number or the account's eligibility (0, 3, 10, 190, 200-299, 368, 133010, 134100-134102). */
    ACCOUNT_REFUSED(Scope.ACCOUNT, false),
    /** Anything else about this one message (132005 text too long, 100 invalid parameter, an unknown code). */
    MESSAGE_REFUSED(Scope.MESSAGE, false);

    /** What a refusal is about: the recipient, the template, the sending account, or only this message. */
    public enum Scope { RECIPIENT, TEMPLATE, ACCOUNT, MESSAGE }

    private final Scope scope;
    private final boolean retryable;

    SendRefusal(Scope scope, boolean retryable) {
        this.scope = scope;
        this.retryable = retryable;
    }

    public Scope scope() {
        return scope;
    }

    public boolean retryable() {
        return retryable;
    }

    /**
     * Whether a campaign's send refused this way waits with its campaign instead of failing: Meta refused it
     * for its template's sake, the circuit breaker holds the campaign, and the send goes when it resumes.
     */
    public boolean waitsWithItsCampaign() {
        return this == TEMPLATE_PAUSED || this == TEMPLATE_DISABLED;
    }
}
