package dev.warden.domain.alert;

import dev.warden.domain.shared.ConcurrentModification;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.shared.Page;
import dev.warden.domain.shared.PageRequest;
import java.util.List;
import java.util.Optional;

/** Outgoing persistence port for alerts. At most one unresolved alert exists per (organisation, subject, type). */
public interface AlertRepository {

    void add(Alert alert);

    /** @throws ConcurrentModification if the alert changed since it was loaded */
    void update(Alert alert);

    Optional<Alert> findById(OrganizationId organizationId, AlertId id);

    /** The organisation an alert belongs to; for super admins, who name no organisation. */
    Optional<OrganizationId> ownerOf(AlertId id);

    Optional<Alert> findUnresolved(OrganizationId organizationId, AlertSubject subject, AlertType type);

    /** Every unresolved alert about a subject, whatever its type. */
    List<Alert> findUnresolved(OrganizationId organizationId, AlertSubject subject);

    /** Newest first. */
    Page<AlertSnapshot> list(AlertFilter filter, PageRequest page);
}
