package dev.warden.application.port.in;

import dev.warden.domain.user.User;

/** Use case: an admin creates a user who can sign in. */
public interface CreateUserUseCase {

    User createUser(Actor actor, CreateUserCommand command);
}
