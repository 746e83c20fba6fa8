package dev.warden.domain.alert;

/**
 * Told, inside the transaction that raised it, when people must hear of an alert: when it opens and
 * when it gets worse. A repeat at the same or a lower severity is quiet (SPEC 3.8: a deduplicated alert
 * notifies once, again only on escalation).
 */
@FunctionalInterface
public interface AlertNotices {

    /** Why people hear of an alert again. */
    enum Reason {
        RAISED,
        /** A repeat at a higher severity. */
        ESCALATED,
        /** Still open and unacknowledged after the organisation's escalation delay. */
        UNACKNOWLEDGED
    }

    AlertNotices NONE = (alert, reason) -> { };

    void notice(AlertSnapshot alert, Reason reason);

    /**
     * The same notices for one batch of work in one transaction, which may read what they need (such as an
     * organisation's routing) once for the whole batch instead of once per alert.
     */
    default AlertNotices forOneBatch() {
        return this;
    }
}
