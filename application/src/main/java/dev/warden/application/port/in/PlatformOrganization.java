package dev.warden.application.port.in;

import dev.warden.domain.shared.OrganizationId;
import java.util.UUID;

/**
 * The installation itself, seeded by the schema migration: alerts about no tenant in particular
 * (a webhook for an unregistered WABA) belong to it, and only super admins see it.
 */
public final class PlatformOrganization {

    public static final OrganizationId ID = new OrganizationId(UUID.fromString("00000000-0000-0000-0000-000000000001"));

    private PlatformOrganization() {
    }
}
