package dev.warden.application.port.in;

import java.util.Optional;

/** Use case: check a username and password; the actor they sign in as, or empty. */
public interface AuthenticateUserUseCase {

    Optional<Actor> authenticate(String username, String password);
}
