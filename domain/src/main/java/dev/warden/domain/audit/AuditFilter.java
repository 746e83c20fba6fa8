package dev.warden.domain.audit;

import dev.warden.domain.shared.OrganizationId;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Which audit entries to list: an empty organisation means every organisation (super admins only);
 * the actor is a username, compared case-insensitively as usernames are;
 * {@code from} is inclusive and {@code to} exclusive, so consecutive windows never count an entry twice.
 */
public record AuditFilter(Optional<OrganizationId> organizationId, Optional<String> actor,
                          Optional<AuditResource.Kind> resourceKind, Optional<String> resourceId,
                          Optional<Instant> from, Optional<Instant> to) {

    public AuditFilter {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(resourceKind, "resourceKind");
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        actor = actor.map(a -> a.strip().toLowerCase(Locale.ROOT));
    }

    public boolean matches(AuditEntry entry) {
        return organizationId.map(entry.organizationId()::equals).orElse(true)
                && actor.map(entry.actor()::equals).orElse(true)
                && resourceKind.map(k -> k == entry.resource().kind()).orElse(true)
                && resourceId.map(entry.resource().id()::equals).orElse(true)
                && from.map(f -> !entry.at().isBefore(f)).orElse(true)
                && to.map(entry.at()::isBefore).orElse(true);
    }
}
