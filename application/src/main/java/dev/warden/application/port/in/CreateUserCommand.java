package dev.warden.application.port.in;

import dev.warden.domain.shared.InvalidValue;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.user.Role;
import dev.warden.domain.user.Username;
import java.util.Objects;

/** Create a user in an organisation. The password is checked here and hashed by the use case, never stored. */
public record CreateUserCommand(OrganizationId organizationId, Username username, String password, Role role) {

    public static final int MIN_PASSWORD_LENGTH = 10;
    public static final int MAX_PASSWORD_LENGTH = 128;

    public CreateUserCommand {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
        if (password == null || password.length() < MIN_PASSWORD_LENGTH || password.length() > MAX_PASSWORD_LENGTH) {
            throw new InvalidValue("password must be " + MIN_PASSWORD_LENGTH + " to "
                    + MAX_PASSWORD_LENGTH + " characters");
        }
    }

    @Override
    public String toString() {
        return "CreateUserCommand[organizationId=" + organizationId + ", username=" + username + ", role=" + role + "]";
    }
}
