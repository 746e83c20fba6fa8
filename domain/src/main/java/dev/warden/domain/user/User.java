package dev.warden.domain.user;

import dev.warden.domain.shared.InvalidValue;
import dev.warden.domain.shared.OrganizationId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Someone who signs in. Organisation admins and viewers belong to one organisation; a super admin
 * may have a home organisation but sees all of them.
 */
public record User(UserId id, Optional<OrganizationId> organizationId, Username username,
                   PasswordHash passwordHash, Role role, Instant createdAt) {

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(createdAt, "createdAt");
        if (role != Role.SUPER_ADMIN && organizationId.isEmpty()) {
            throw new InvalidValue("a " + role + " must belong to an organisation");
        }
    }

    public boolean seesOrganization(OrganizationId organization) {
        return role == Role.SUPER_ADMIN || organizationId.filter(organization::equals).isPresent();
    }
}
