package dev.warden.domain.organization;

import dev.warden.domain.shared.DisplayNames;
import dev.warden.domain.shared.OrganizationId;
import java.time.Instant;
import java.util.Objects;

/**
 * A tenant: a business whose templates Warden governs.
 *
 * @param autoResumeCampaigns whether campaigns Warden paused for a template resume by themselves
 *                            when the template is approved again (SPEC 3.3); on by default
 */
public record Organization(OrganizationId id, String name, boolean autoResumeCampaigns, Instant createdAt) {

    public static final int MAX_NAME_LENGTH = 200;

    public Organization {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        name = requireName(name);
    }

    public static Organization create(OrganizationId id, String name, Instant now) {
        return new Organization(id, name, true, now);
    }

    private static String requireName(String name) {
        return DisplayNames.require("organisation name", name, MAX_NAME_LENGTH);
    }
}
