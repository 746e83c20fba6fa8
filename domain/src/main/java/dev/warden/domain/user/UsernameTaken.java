package dev.warden.domain.user;

import dev.warden.domain.shared.DomainException;

/** Usernames are unique across the installation. */
public class UsernameTaken extends DomainException {

    private static final long serialVersionUID = 1L;

    public UsernameTaken(Username username) {
        super("username '" + username + "' is already taken");
    }
}
