package dev.warden.application.service;

import dev.warden.application.port.in.AccessDenied;
import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.PlatformOrganization;
import dev.warden.application.port.in.CreateUserCommand;
import dev.warden.application.port.in.CreateUserUseCase;
import dev.warden.application.port.out.PasswordHasher;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.audit.AuditAction;
import dev.warden.domain.audit.AuditResource;
import dev.warden.domain.audit.AuditTrail;
import dev.warden.domain.organization.OrganizationRepository;
import dev.warden.domain.shared.InvalidValue;
import dev.warden.domain.shared.NotFound;
import dev.warden.domain.user.Role;
import dev.warden.domain.user.User;
import dev.warden.domain.user.UserId;
import dev.warden.domain.user.UserRepository;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Use case implementation: create a user. Super admins create anyone anywhere; organisation
 * admins create admins and viewers of their own organisation.
 */
public final class CreateUserService implements CreateUserUseCase {

    private final OrganizationRepository organizations;
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final AdminAudit audit;

    public CreateUserService(OrganizationRepository organizations, UserRepository users, PasswordHasher hasher,
                             UnitOfWork unitOfWork, AuditTrail audit, Clock clock) {
        this.organizations = organizations;
        this.users = users;
        this.hasher = hasher;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.audit = new AdminAudit(audit, clock);
    }

    @Override
    public User createUser(Actor actor, CreateUserCommand command) {
        actor.requireWrite(command.organizationId());
        if (command.organizationId().equals(PlatformOrganization.ID)) {
            // Its alerts and audit entries are about every tenant: only super admins, who have no organisation, read them.
            throw new InvalidValue("the platform organisation has no users; a SUPER_ADMIN sees it without one");
        }
        if (command.role() == Role.SUPER_ADMIN && !actor.isSuperAdmin()) {
            throw new AccessDenied("only a SUPER_ADMIN may create another SUPER_ADMIN");
        }
        User user = new User(UserId.random(), Optional.of(command.organizationId()), command.username(),
                hasher.hash(command.password()), command.role(), clock.instant());
        return unitOfWork.inTransaction(() -> {
            organizations.findById(command.organizationId())
                    .orElseThrow(() -> new NotFound("organisation", command.organizationId()));
            users.add(user);
            audit.record(actor, command.organizationId(), AuditAction.USER_CREATED,
                    AuditResource.of(AuditResource.Kind.USER, user.id().value()), Map.of(),
                    Map.of("username", user.username().value(), "role", user.role().name()));
            return user;
        });
    }
}
