package dev.warden.domain.template;

/** Status-field events that are not statuses: they set or clear a marker, or restore a status. */
public enum StatusMarker {
    /** Negative feedback: the template is at risk of being disabled on a date Meta gives; still sendable. */
    FLAGGED,
    /** No longer flagged or disabled. */
    REINSTATED,
    /** Restored from the archive to the status it had before. */
    UNARCHIVED
}
