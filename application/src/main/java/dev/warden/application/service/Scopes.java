package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.domain.shared.NotFound;
import dev.warden.domain.shared.OrganizationId;
import java.util.Optional;
import java.util.function.Supplier;

/** Which organisation a request about one thing works in. */
final class Scopes {

    private Scopes() {
    }

    /**
     * A super admin who names no organisation works in the thing's own; everyone else in theirs,
     * where another organisation's thing is simply not found.
     */
    static OrganizationId of(Actor actor, Optional<OrganizationId> requested, Supplier<Optional<OrganizationId>> owner,
                             Supplier<? extends NotFound> notFound) {
        if (actor.isSuperAdmin() && requested.isEmpty()) {
            return owner.get().orElseThrow(notFound);
        }
        return actor.organizationFor(requested);
    }
}
