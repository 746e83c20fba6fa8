package dev.warden.domain.alert;

import dev.warden.domain.shared.OrganizationId;
import java.util.Objects;
import java.util.Optional;

/** Which alerts to list; an empty organisation means all (super admins only). */
public record AlertFilter(Optional<OrganizationId> organizationId, Optional<AlertState> state,
                          Optional<AlertSeverity> severity) {

    public AlertFilter {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(severity, "severity");
    }

    public boolean matches(AlertSnapshot alert) {
        return organizationId.map(alert.organizationId()::equals).orElse(true)
                && state.map(s -> s == alert.state()).orElse(true)
                && severity.map(s -> s == alert.severity()).orElse(true);
    }
}
