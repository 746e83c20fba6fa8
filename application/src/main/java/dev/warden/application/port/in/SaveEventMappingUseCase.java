package dev.warden.application.port.in;

import dev.warden.domain.sending.EventMapping;

/** Incoming port: an ORG_ADMIN maps an event type to a template, replacing an earlier mapping; audited. */
public interface SaveEventMappingUseCase {

    /**
     * @throws TemplateNotFound when the template or the fallback template is not the organisation's
     * @throws dev.warden.domain.shared.InvalidValue when the fallback is in another WABA or takes other parameters
     */
    EventMapping save(Actor actor, SaveEventMappingCommand command);
}
