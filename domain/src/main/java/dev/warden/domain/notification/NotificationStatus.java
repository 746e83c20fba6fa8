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
    DEAD
}
