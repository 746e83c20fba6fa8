package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.ListUsersUseCase;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.organization.OrganizationRepository;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.shared.Page;
import dev.warden.domain.shared.PageRequest;
import dev.warden.domain.user.User;
import dev.warden.domain.user.UserRepository;

/** Use case implementation: an organisation's users; another organisation is not found. */
public final class ListUsersService implements ListUsersUseCase {

    private final OrganizationDirectory directory;
    private final UserRepository users;
    private final UnitOfWork unitOfWork;

    public ListUsersService(OrganizationRepository organizations, UserRepository users, UnitOfWork unitOfWork) {
        this.directory = new OrganizationDirectory(organizations);
        this.users = users;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public Page<User> listUsers(Actor actor, OrganizationId organizationId, PageRequest page) {
        return unitOfWork.inTransaction(() -> {
            directory.requireVisible(actor, organizationId);
            return users.findByOrganization(organizationId, page);
        });
    }
}
