package dev.warden.adapters.web.admin;

import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.user.User;
import io.micronaut.serde.annotation.Serdeable;

/** A user as the API shows it: never the password hash. */
@Serdeable
record UserResponse(String id, String username, String role, String organizationId, String createdAt) {

    static UserResponse from(User user) {
        return new UserResponse(user.id().toString(), user.username().value(), user.role().name(),
                user.organizationId().map(OrganizationId::toString).orElse(null), user.createdAt().toString());
    }
}
