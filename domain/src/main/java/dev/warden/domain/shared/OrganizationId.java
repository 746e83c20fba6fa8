package dev.warden.domain.shared;

import java.util.Objects;
import java.util.UUID;

/** The tenant. Every stored row, query and event carries one. */
public record OrganizationId(UUID value) {

    public OrganizationId {
        Objects.requireNonNull(value, "organizationId");
    }

    public static OrganizationId random() {
        return new OrganizationId(UUID.randomUUID());
    }

    public static OrganizationId parse(String text) {
        return new OrganizationId(Ids.parseUuid("organizationId", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
