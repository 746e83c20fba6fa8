package dev.warden.domain.template;

import java.util.Objects;

/**
 * What an event of Meta's status field says, already read by the Meta adapter: a status, a marker,
 * or a value Warden does not know (kept with its name, never turned into a status).
 */
public sealed interface StatusEvent {

    /** The event's name as history shows it. */
    String name();

    static StatusEvent of(TemplateStatus status) {
        return new Moved(status);
    }

    static StatusEvent of(StatusMarker marker) {
        return new Marked(marker);
    }

    /** Meta reports the template in this status. */
    record Moved(TemplateStatus status) implements StatusEvent {
        public Moved {
            Objects.requireNonNull(status, "status");
        }

        @Override
        public String name() {
            return status.name();
        }
    }

    /** Meta sets or clears a marker, or restores a status ({@link StatusMarker}). */
    record Marked(StatusMarker marker) implements StatusEvent {
        public Marked {
            Objects.requireNonNull(marker, "marker");
        }

        @Override
        public String name() {
            return marker.name();
        }
    }

    /** An event value Warden does not know, as Meta sent it. */
    record Unrecognised(String name) implements StatusEvent {
        public Unrecognised {
            Objects.requireNonNull(name, "name");
        }
    }
}
