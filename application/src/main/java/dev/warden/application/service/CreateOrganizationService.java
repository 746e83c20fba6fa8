package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.CreateOrganizationUseCase;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.audit.AuditAction;
import dev.warden.domain.audit.AuditResource;
import dev.warden.domain.audit.AuditTrail;
import dev.warden.domain.organization.Organization;
import dev.warden.domain.organization.OrganizationRepository;
import dev.warden.domain.shared.OrganizationId;
import java.time.Clock;
import java.util.Map;

/** Use case implementation: create an organisation. */
public final class CreateOrganizationService implements CreateOrganizationUseCase {

    private final OrganizationRepository organizations;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final AdminAudit audit;

    public CreateOrganizationService(OrganizationRepository organizations, UnitOfWork unitOfWork, AuditTrail audit, Clock clock) {
        this.organizations = organizations;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.audit = new AdminAudit(audit, clock);
    }

    @Override
    public Organization createOrganization(Actor actor, String name) {
        actor.requireSuperAdmin();
        Organization organization = Organization.create(OrganizationId.random(), name, clock.instant());
        unitOfWork.run(() -> {
            organizations.add(organization);
            audit.record(actor, organization.id(), AuditAction.ORGANIZATION_CREATED,
                    AuditResource.of(AuditResource.Kind.ORGANIZATION, organization.id().value()), Map.of(),
                    Map.of("name", organization.name()));
        });
        return organization;
    }
}
