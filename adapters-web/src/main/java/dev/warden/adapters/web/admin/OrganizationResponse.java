package dev.warden.adapters.web.admin;

import dev.warden.domain.organization.Organization;
import io.micronaut.serde.annotation.Serdeable;

/** An organisation as the API shows it. */
@Serdeable
record OrganizationResponse(String id, String name, boolean autoResumeCampaigns, String createdAt) {

    static OrganizationResponse from(Organization organization) {
        return new OrganizationResponse(organization.id().toString(), organization.name(),
                organization.autoResumeCampaigns(), organization.createdAt().toString());
    }
}
