package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.DeleteEventMappingUseCase;
import dev.warden.application.port.in.EventMappingNotFound;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.audit.AuditAction;
import dev.warden.domain.audit.AuditTrail;
import dev.warden.domain.sending.EventMapping;
import dev.warden.domain.sending.EventMappingRepository;
import dev.warden.domain.sending.EventType;
import dev.warden.domain.shared.OrganizationId;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/** Use case implementation: an ORG_ADMIN removes an event type's mapping, recorded in the audit log. */
public final class DeleteEventMappingService implements DeleteEventMappingUseCase {

    private final EventMappingRepository mappings;
    private final UnitOfWork unitOfWork;
    private final AdminAudit audit;

    public DeleteEventMappingService(EventMappingRepository mappings, UnitOfWork unitOfWork, AuditTrail audit,
                                     Clock clock) {
        this.mappings = mappings;
        this.unitOfWork = unitOfWork;
        this.audit = new AdminAudit(audit, clock);
    }

    @Override
    public void delete(Actor actor, Optional<OrganizationId> organizationId, EventType eventType) {
        OrganizationId scope = actor.organizationFor(organizationId);
        actor.requireWrite(scope);
        unitOfWork.run(() -> {
            EventMapping before = mappings.find(scope, eventType).orElseThrow(() -> new EventMappingNotFound(eventType));
            mappings.delete(scope, eventType);
            audit.record(actor, scope, AuditAction.EVENT_MAPPING_DELETED, SaveEventMappingService.resource(before),
                    SaveEventMappingService.facts(before), Map.of());
        });
    }
}
