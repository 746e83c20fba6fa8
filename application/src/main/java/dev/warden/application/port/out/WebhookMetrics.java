package dev.warden.application.port.out;

/**
 * Counts what becomes of Meta's webhooks, for operators watching Warden (metrics). Told only about
 * work that committed, so a batch rolled back and retried is never counted twice.
 */
public interface WebhookMetrics {

    /** A POST was answered: stored, kept for inspection, refused, or not stored at all. */
    void delivery(Delivery outcome);

    /** {@code count} changes reached this end. */
    void changes(ChangeFate fate, int count);

    /** How a POST to the webhook URL ended. */
    enum Delivery {
        /** Signed, stored, its changes queued. */
        ACCEPTED,
        /** Signed but not JSON Warden can split: kept for inspection, answered 400. */
        MALFORMED,
        /** No signature header: refused with 401. */
        SIGNATURE_MISSING,
        /** A signature that does not match the body: refused with 401. */
        SIGNATURE_MISMATCH,
        /** The database could not store it: answered 503, so Meta retries. */
        NOT_STORED
    }

    /** How a change of the inbox was settled. */
    enum ChangeFate {
        /** A template change that changed the template. */
        APPLIED,
        /** Older than what the template already reflects: kept in history only. */
        STALE,
        /** Said what the template already said. */
        DUPLICATE,
        /** An event Warden does not know: kept in history only. */
        UNRECOGNISED,
        /** A {@code messages} or {@code user_preferences} change: customer-service windows or opt-outs updated. */
        CONVERSATION,
        /** A field Warden does not use. */
        IGNORED,
        /** For a WABA no organisation registered: kept until one does. */
        UNROUTABLE,
        /**
         * Not settled yet: its template was busy in another batch, so the change was left for the next one (counted
         * each time it is left).
         */
        DEFERRED,
        /** Failed; tried again later. */
        RETRIED,
        /** Failed for good: a dead letter. */
        DEAD
    }
}
