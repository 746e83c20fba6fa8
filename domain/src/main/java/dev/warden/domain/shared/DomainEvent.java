package dev.warden.domain.shared;

import java.time.Instant;

/** A fact the domain caused; published for live dashboards after the change is stored. */
public interface DomainEvent {

    OrganizationId organizationId();

    Instant at();
}
