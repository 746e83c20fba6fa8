package dev.warden.application.port.in;

import dev.warden.domain.sending.EventType;
import dev.warden.domain.shared.NotFound;

/** The organisation maps no template to this event type (map one with POST /api/v1/notifications/mappings). */
public final class EventMappingNotFound extends NotFound {

    private static final long serialVersionUID = 1L;

    public EventMappingNotFound(EventType eventType) {
        super("template mapping for event type", eventType);
    }
}
