package dev.warden.adapters.web.admin;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of POST /api/v1/organizations/{orgId}/whatsapp-accounts. */
@Serdeable
record RegisterWhatsAppAccountRequest(
        @NotBlank @Pattern(regexp = "[0-9]{1,32}", message = "must be the WABA id: 1 to 32 digits") String wabaId,
        @NotBlank @Size(max = 200) String name) {
}
