package dev.warden.adapters.web.admin;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of POST /api/v1/organizations. */
@Serdeable
record CreateOrganizationRequest(@NotBlank @Size(max = 200) String name) {
}
