package dev.warden.domain.notification;

/** Where a notification is on its way out. */
public enum NotificationStatus {
    /** Stored, not tried yet. */
    QUEUED,
    /** Claimed by a dispatcher, being sent now (or the dispatcher died; the claim then expires). */
    SENDING,
    /** Failed in a way that may pass; tried again at its next attempt time. */
    RETRYING,
    SENT,
    /** Refused for good by the provider: retrying would not help. */
    FAILED,
    /** Every attempt spent; kept with its last error for a super admin to replay. */
    DEAD,
    /**
     * Not sent, and never will be, by Warden's own rule before any provider call: a campaign's send to a
     * contact who opted out of marketing (or is in Meta's cool-down, or whose WABA is stopped). Counted as
     * skipped on the campaign, not as a failure.
     */
    SKIPPED,
    /**
     * Waiting (queued or retrying) while its campaign is not RUNNING: not claimed, not sent, until the
     * campaign runs again. Never stored: read from the campaign's status whenever a send is shown.
     */
    HELD;

    /** Whether the notification still waits to go out (queued, retrying or being sent). */
    public boolean isUnsettled() {
        return this == QUEUED || this == RETRYING || this == SENDING;
    }
}
