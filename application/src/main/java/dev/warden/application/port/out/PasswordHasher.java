package dev.warden.application.port.out;

import dev.warden.domain.user.PasswordHash;

/** Outgoing port: a slow, salted password hash from a maintained library. */
public interface PasswordHasher {

    PasswordHash hash(String password);

    boolean matches(String password, PasswordHash hash);
}
