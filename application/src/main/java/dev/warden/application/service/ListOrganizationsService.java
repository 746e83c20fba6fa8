package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.ListOrganizationsUseCase;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.organization.Organization;
import dev.warden.domain.organization.OrganizationRepository;
import dev.warden.domain.shared.Page;
import dev.warden.domain.shared.PageRequest;

/** Use case implementation: every organisation, for super admins. */
public final class ListOrganizationsService implements ListOrganizationsUseCase {

    private final OrganizationRepository organizations;
    private final UnitOfWork unitOfWork;

    public ListOrganizationsService(OrganizationRepository organizations, UnitOfWork unitOfWork) {
        this.organizations = organizations;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public Page<Organization> listOrganizations(Actor actor, PageRequest page) {
        actor.requireSuperAdmin();
        return unitOfWork.inTransaction(() -> organizations.findAll(page));
    }
}
