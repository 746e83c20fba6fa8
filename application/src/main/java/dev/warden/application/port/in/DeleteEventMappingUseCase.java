package dev.warden.application.port.in;

import dev.warden.domain.sending.EventType;
import dev.warden.domain.shared.OrganizationId;
import java.util.Optional;

/** Incoming port: an ORG_ADMIN removes an event type's mapping; its events are refused from then on. Audited. */
public interface DeleteEventMappingUseCase {

    /** @throws EventMappingNotFound when there is none */
    void delete(Actor actor, Optional<OrganizationId> organizationId, EventType eventType);
}
