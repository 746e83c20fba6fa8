package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.AuthenticateUserUseCase;
import dev.warden.application.port.out.PasswordHasher;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.user.PasswordHash;
import dev.warden.domain.user.User;
import dev.warden.domain.user.UserRepository;
import dev.warden.domain.user.Username;
import java.util.Optional;

/** Use case implementation: check credentials against the stored hash. */
public final class AuthenticateUserService implements AuthenticateUserUseCase {

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final UnitOfWork unitOfWork;
    private final PasswordHash decoy;

    public AuthenticateUserService(UserRepository users, PasswordHasher hasher, UnitOfWork unitOfWork) {
        this.users = users;
        this.hasher = hasher;
        this.unitOfWork = unitOfWork;
        // Unknown users are checked against a decoy hash so the answer takes as long as for known ones.
        this.decoy = hasher.hash("decoy password that matches nothing");
    }

    @Override
    public Optional<Actor> authenticate(String username, String password) {
        if (username == null || password == null) {
            return Optional.empty();
        }
        Optional<User> user;
        try {
            Username name = new Username(username);
            user = unitOfWork.inTransaction(() -> users.findByUsername(name));
        } catch (IllegalArgumentException e) {
            user = Optional.empty();
        }
        boolean matches = hasher.matches(password, user.map(User::passwordHash).orElse(decoy));
        return user.filter(u -> matches)
                .map(u -> new Actor(u.username().value(), u.role(), u.organizationId()));
    }
}
