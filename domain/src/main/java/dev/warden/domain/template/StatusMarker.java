package dev.warden.domain.template;

import java.util.Locale;
import java.util.Optional;

/** Status-field events that are not statuses: they set or clear a marker, or restore a status. */
public enum StatusMarker {
    /** Negative feedback: the template is at risk of being disabled on a date Meta gives; still sendable. */
    FLAGGED,
    /** No longer flagged or disabled. */
    REINSTATED,
    /** Restored from the archive to the status it had before. */
    UNARCHIVED;

    public static Optional<StatusMarker> fromMeta(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String normalised = value.strip().toUpperCase(Locale.ROOT);
        for (StatusMarker marker : values()) {
            if (marker.name().equals(normalised)) {
                return Optional.of(marker);
            }
        }
        return Optional.empty();
    }
}
