package dev.warden.application.port.in;

import dev.warden.domain.organization.WabaId;
import dev.warden.domain.shared.OrganizationId;
import java.util.Objects;

/** Register {@code wabaId} for {@code organizationId} under a display name. */
public record RegisterWhatsAppAccountCommand(OrganizationId organizationId, WabaId wabaId, String name) {

    public RegisterWhatsAppAccountCommand {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(wabaId, "wabaId");
    }
}
