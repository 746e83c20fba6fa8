package dev.warden.application.port.in;

import dev.warden.domain.organization.Organization;

/** Use case: a super admin registers a new tenant. */
public interface CreateOrganizationUseCase {

    Organization createOrganization(Actor actor, String name);
}
