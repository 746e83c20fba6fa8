package dev.warden.domain.user;

import java.util.Optional;

/** Outgoing persistence port for users. */
public interface UserRepository {

    /** @throws UsernameTaken if the username exists already */
    void add(User user);

    Optional<User> findByUsername(Username username);

    boolean anyExists();
}
