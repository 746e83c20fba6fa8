package dev.warden.domain.alert;

import dev.warden.domain.shared.ConcurrentModification;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.shared.Page;
import dev.warden.domain.shared.PageRequest;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Outgoing persistence port for alerts. At most one unresolved alert exists per (organisation, subject, type). */
public interface AlertRepository extends AlertStore {

    Optional<Alert> findById(OrganizationId organizationId, AlertId id);

    /** The organisation an alert belongs to; for super admins, who name no organisation. */
    Optional<OrganizationId> ownerOf(AlertId id);

    /** Every unresolved alert about any of the subjects, in one read. */
    List<Alert> findUnresolved(OrganizationId organizationId, Collection<AlertSubject> subjects);

    /** Stores new alerts together. */
    void addAll(Collection<Alert> alerts);

    /** @throws ConcurrentModification if any of them changed since it was loaded */
    void updateAll(Collection<Alert> alerts);

    /** Newest first. */
    Page<AlertSnapshot> list(AlertFilter filter, PageRequest page);

    /**
     * Open (neither acknowledged nor resolved) alerts of a severity last raised before a time, in every
     * organisation, oldest first: the candidates for escalation.
     */
    List<AlertSnapshot> findOpen(AlertSeverity severity, Instant raisedBefore, int limit);
}
