package dev.warden.adapters.web.admin;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of POST /api/v1/organizations/{orgId}/users. The password never leaves this request. */
@Serdeable
record CreateUserRequest(@NotBlank @Size(min = 3, max = 64) String username,
                         @NotBlank @Size(min = 10, max = 128) String password,
                         @NotBlank String role) {

    @Override
    public String toString() {
        return "CreateUserRequest[username=" + username + ", role=" + role + "]";
    }
}
