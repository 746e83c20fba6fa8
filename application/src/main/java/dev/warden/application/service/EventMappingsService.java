package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.EventMappingNotFound;
import dev.warden.application.port.in.EventMappingsUseCase;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.sending.EventMapping;
import dev.warden.domain.sending.EventMappingRepository;
import dev.warden.domain.sending.EventType;
import dev.warden.domain.shared.OrganizationId;
import java.util.List;
import java.util.Optional;

/** Use case implementation: read an organisation's event mappings (a super admin names the organisation). */
public final class EventMappingsService implements EventMappingsUseCase {

    private final EventMappingRepository mappings;
    private final UnitOfWork unitOfWork;

    public EventMappingsService(EventMappingRepository mappings, UnitOfWork unitOfWork) {
        this.mappings = mappings;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public List<EventMapping> mappings(Actor actor, Optional<OrganizationId> organizationId) {
        OrganizationId scope = actor.organizationFor(organizationId);
        return unitOfWork.inTransaction(() -> mappings.list(scope));
    }

    @Override
    public EventMapping mapping(Actor actor, Optional<OrganizationId> organizationId, EventType eventType) {
        OrganizationId scope = actor.organizationFor(organizationId);
        return unitOfWork.inTransaction(() -> mappings.find(scope, eventType))
                .orElseThrow(() -> new EventMappingNotFound(eventType));
    }
}
