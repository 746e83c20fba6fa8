package dev.warden.domain.alert;

import dev.warden.domain.shared.DomainEvent;
import dev.warden.domain.shared.OrganizationId;
import java.time.Instant;

/** Facts about alerts, for live dashboards and (later) notification delivery. */
public sealed interface AlertEvent extends DomainEvent {

    AlertId alertId();

    /** A new alert, or a repeat of an unresolved one ({@code count} > 1). */
    record Raised(OrganizationId organizationId, AlertId alertId, AlertType type, AlertSeverity severity,
                  AlertSubject subject, String message, int count, Instant at) implements AlertEvent {
    }

    record Resolved(OrganizationId organizationId, AlertId alertId, AlertType type, Instant at) implements AlertEvent {
    }

    record Acknowledged(OrganizationId organizationId, AlertId alertId, AlertType type, String by, Instant at)
            implements AlertEvent {
    }
}
