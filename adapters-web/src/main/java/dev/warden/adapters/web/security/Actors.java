package dev.warden.adapters.web.security;

import dev.warden.application.port.in.Actor;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.user.Role;
import io.micronaut.security.authentication.Authentication;
import java.util.Optional;

/** Reads the actor of a request from its verified token: name, role, and organisation claim. */
public final class Actors {

    private Actors() {
    }

    public static Actor of(Authentication authentication) {
        Role role = authentication.getRoles().stream().map(Role::parse).findFirst()
                .orElseThrow(() -> new IllegalStateException("token of " + authentication.getName() + " has no role"));
        Optional<OrganizationId> organization = Optional
                .ofNullable(authentication.getAttributes().get(DatabaseAuthenticationProvider.ORGANIZATION_CLAIM))
                .map(Object::toString).map(OrganizationId::parse);
        return new Actor(authentication.getName(), role, organization);
    }
}
