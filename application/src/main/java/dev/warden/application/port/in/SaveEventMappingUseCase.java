package dev.warden.application.port.in;

import dev.warden.domain.sending.EventMapping;

/** Incoming port: an ORG_ADMIN maps an event type to a template, replacing an earlier mapping; audited. */
public interface SaveEventMappingUseCase {

    /** @throws TemplateNotFound when the template is not the organisation's */
    EventMapping save(Actor actor, SaveEventMappingCommand command);
}
