package dev.warden.application.port.in;

import dev.warden.domain.organization.Organization;
import dev.warden.domain.shared.Page;
import dev.warden.domain.shared.PageRequest;

/** Query: every organisation, by name; super admins only. */
public interface ListOrganizationsUseCase {

    Page<Organization> listOrganizations(Actor actor, PageRequest page);
}
