package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.CreateOrganizationUseCase;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.organization.Organization;
import dev.warden.domain.organization.OrganizationRepository;
import dev.warden.domain.shared.OrganizationId;
import java.time.Clock;

/** Use case implementation: create an organisation. */
public final class CreateOrganizationService implements CreateOrganizationUseCase {

    private final OrganizationRepository organizations;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public CreateOrganizationService(OrganizationRepository organizations, UnitOfWork unitOfWork, Clock clock) {
        this.organizations = organizations;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    @Override
    public Organization createOrganization(Actor actor, String name) {
        actor.requireSuperAdmin();
        Organization organization = Organization.create(OrganizationId.random(), name, clock.instant());
        unitOfWork.run(() -> organizations.add(organization));
        return organization;
    }
}
