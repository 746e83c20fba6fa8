package dev.warden.domain.organization;

import dev.warden.domain.shared.DisplayNames;
import dev.warden.domain.shared.OrganizationId;
import java.time.Instant;
import java.util.Objects;

/** A WABA registered to exactly one organisation, so its webhooks can be routed. */
public record WhatsAppAccount(OrganizationId organizationId, WabaId wabaId, String name, Instant registeredAt) {

    public static final int MAX_NAME_LENGTH = 200;

    public WhatsAppAccount {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(wabaId, "wabaId");
        Objects.requireNonNull(registeredAt, "registeredAt");
        name = DisplayNames.require("account name", name, MAX_NAME_LENGTH);
    }
}
