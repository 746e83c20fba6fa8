package dev.warden.application.service;

import dev.warden.application.port.in.ProvisionAdminUseCase;
import dev.warden.application.port.out.PasswordHasher;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.organization.Organization;
import dev.warden.domain.organization.OrganizationRepository;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.user.Role;
import dev.warden.domain.user.User;
import dev.warden.domain.user.UserId;
import dev.warden.domain.user.UserRepository;
import dev.warden.domain.user.Username;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;

/** Use case implementation: the configured super admin, or a demo installation for a first run. */
public final class ProvisionAdminService implements ProvisionAdminUseCase {

    static final String DEMO_ORGANIZATION = "Demo organisation";
    static final String DEMO_USERNAME = "admin";

    private final OrganizationRepository organizations;
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ProvisionAdminService(OrganizationRepository organizations, UserRepository users, PasswordHasher hasher,
                                 UnitOfWork unitOfWork, Clock clock) {
        this.organizations = organizations;
        this.users = users;
        this.hasher = hasher;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    @Override
    public boolean ensureSuperAdmin(String username, String password) {
        Username name = new Username(username);
        if (password == null || password.isBlank()) {
            throw new IllegalArgumentException("the admin password must not be blank");
        }
        return unitOfWork.inTransaction(() -> {
            if (users.findByUsername(name).isPresent()) {
                return false;
            }
            users.add(new User(UserId.random(), Optional.empty(), name, hasher.hash(password), Role.SUPER_ADMIN,
                    clock.instant()));
            return true;
        });
    }

    @Override
    public Optional<DemoCredentials> createDemoIfEmpty() {
        return unitOfWork.inTransaction(() -> {
            if (users.anyExists()) {
                return Optional.empty();
            }
            Organization demo = Organization.create(OrganizationId.random(), DEMO_ORGANIZATION, clock.instant());
            organizations.add(demo);
            String password = randomPassword();
            users.add(new User(UserId.random(), Optional.of(demo.id()), new Username(DEMO_USERNAME),
                    hasher.hash(password), Role.SUPER_ADMIN, clock.instant()));
            return Optional.of(new DemoCredentials(demo.name(), DEMO_USERNAME, password));
        });
    }

    private String randomPassword() {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
