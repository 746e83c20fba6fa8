package dev.warden.domain.organization;

import dev.warden.domain.shared.OrganizationId;
import java.util.List;
import java.util.Optional;

/** Outgoing persistence port for organisations. */
public interface OrganizationRepository {

    void add(Organization organization);

    Optional<Organization> findById(OrganizationId id);

    List<Organization> findAll();
}
