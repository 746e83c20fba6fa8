package dev.warden.domain.governance;

import dev.warden.domain.organization.Organization;
import dev.warden.domain.organization.OrganizationRepository;
import dev.warden.domain.shared.OrganizationId;

/**
 * Whether an organisation's campaigns run again by themselves when Warden lifts their last hold
 * ({@link Organization#autoResumeCampaigns}); asked only when a template recovers.
 */
@FunctionalInterface
public interface AutoResume {

    boolean forOrganization(OrganizationId organizationId);

    /** The setting as stored; an organisation not found resumes (the default). */
    static AutoResume readFrom(OrganizationRepository organizations) {
        return id -> organizations.findById(id).map(Organization::autoResumeCampaigns).orElse(true);
    }
}
