package dev.warden.domain.organization;

import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.shared.Page;
import dev.warden.domain.shared.PageRequest;
import java.util.Optional;

/** Outgoing persistence port for organisations. */
public interface OrganizationRepository {

    void add(Organization organization);

    Optional<Organization> findById(OrganizationId id);

    /** Ordered by name, then id. */
    Page<Organization> findAll(PageRequest page);
}
