package dev.warden.application.port.in;

import dev.warden.domain.sending.EventMapping;
import dev.warden.domain.sending.EventType;
import dev.warden.domain.shared.OrganizationId;
import java.util.List;
import java.util.Optional;

/** Incoming port: an organisation's event mappings, for anyone who may read it. */
public interface EventMappingsUseCase {

    List<EventMapping> mappings(Actor actor, Optional<OrganizationId> organizationId);

    /** @throws EventMappingNotFound when the organisation maps nothing to it */
    EventMapping mapping(Actor actor, Optional<OrganizationId> organizationId, EventType eventType);
}
