package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.domain.organization.OrganizationRepository;
import dev.warden.domain.shared.NotFound;
import dev.warden.domain.shared.OrganizationId;

/** Who may look into an organisation's accounts and users: its members, and super admins. */
final class OrganizationDirectory {

    private final OrganizationRepository organizations;

    OrganizationDirectory(OrganizationRepository organizations) {
        this.organizations = organizations;
    }

    /** @throws NotFound when the organisation does not exist or is not the actor's, like any foreign resource */
    void requireVisible(Actor actor, OrganizationId organizationId) {
        boolean member = actor.organizationId().filter(organizationId::equals).isPresent();
        if ((!actor.isSuperAdmin() && !member) || organizations.findById(organizationId).isEmpty()) {
            throw new NotFound("organisation", organizationId);
        }
    }
}
