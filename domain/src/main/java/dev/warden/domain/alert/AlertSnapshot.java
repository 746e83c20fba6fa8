package dev.warden.domain.alert;

import dev.warden.domain.shared.OrganizationId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Every fact about an alert at one revision. */
public record AlertSnapshot(AlertId id, OrganizationId organizationId, AlertType type, AlertSeverity severity,
                            AlertSubject subject, String message, Map<String, String> details, AlertState state,
                            int count, Instant createdAt, Instant lastRaisedAt, Optional<String> acknowledgedBy,
                            Optional<Instant> acknowledgedAt, Optional<Instant> resolvedAt, long revision) {

    public AlertSnapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(message, "message");
        details = Map.copyOf(Objects.requireNonNullElse(details, Map.of()));
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastRaisedAt, "lastRaisedAt");
        Objects.requireNonNull(acknowledgedBy, "acknowledgedBy");
        Objects.requireNonNull(acknowledgedAt, "acknowledgedAt");
        Objects.requireNonNull(resolvedAt, "resolvedAt");
    }
}
