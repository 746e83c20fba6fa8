package dev.warden.application.port.in;

import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.user.Role;
import java.util.Objects;
import java.util.Optional;

/**
 * Who is asking, as the web adapter read it from a verified token. Use cases decide from it which
 * organisation a request may touch; a request outside that scope is refused or not found.
 */
public record Actor(String username, Role role, Optional<OrganizationId> organizationId) {

    public Actor {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(organizationId, "organizationId");
    }

    public boolean isSuperAdmin() {
        return role == Role.SUPER_ADMIN;
    }

    /** Whether the actor may change data of {@code organization}. */
    public boolean canWrite(OrganizationId organization) {
        return isSuperAdmin() || (role == Role.ORG_ADMIN && organizationId.filter(organization::equals).isPresent());
    }

    /**
     * The organisation a request works in: a super admin's explicit choice (or home organisation),
     * everyone else's own.
     *
     * @throws AccessDenied when a non-super-admin names another organisation or the actor has none
     */
    public OrganizationId organizationFor(Optional<OrganizationId> requested) {
        if (isSuperAdmin()) {
            return requested.or(() -> organizationId)
                    .orElseThrow(() -> new AccessDenied("name the organisation with organizationId"));
        }
        OrganizationId own = organizationId.orElseThrow(() -> new AccessDenied(username + " has no organisation"));
        if (requested.isPresent() && !requested.get().equals(own)) {
            throw new AccessDenied(username + " may not act for organisation " + requested.get());
        }
        return own;
    }

    /** Organisation scope of a read: empty means every organisation (super admins without a filter). */
    public Optional<OrganizationId> readScope(Optional<OrganizationId> requested) {
        if (isSuperAdmin()) {
            return requested;
        }
        return Optional.of(organizationFor(requested));
    }

    public void requireWrite(OrganizationId organization) {
        if (!canWrite(organization)) {
            throw new AccessDenied(username + " (" + role + ") may not change organisation " + organization);
        }
    }

    public void requireSuperAdmin() {
        if (!isSuperAdmin()) {
            throw new AccessDenied("only a SUPER_ADMIN may do this");
        }
    }
}
