package dev.warden.domain.alert;

import dev.warden.domain.shared.ConcurrentModification;
import dev.warden.domain.shared.OrganizationId;
import java.util.List;
import java.util.Optional;

/**
 * The alerts {@link Alerting} works on: the unresolved ones of a subject, added and updated.
 * Narrower than {@link AlertRepository} so a batch can hold them in memory and write behind.
 */
public interface AlertStore {

    Optional<Alert> findUnresolved(OrganizationId organizationId, AlertSubject subject, AlertType type);

    /** Every unresolved alert about a subject, whatever its type. */
    List<Alert> findUnresolved(OrganizationId organizationId, AlertSubject subject);

    void add(Alert alert);

    /** @throws ConcurrentModification if the alert changed since it was loaded */
    void update(Alert alert);
}
