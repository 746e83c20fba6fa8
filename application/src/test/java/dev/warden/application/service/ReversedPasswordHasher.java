package dev.warden.application.service;

import dev.warden.application.port.out.PasswordHasher;
import dev.warden.domain.user.PasswordHash;

/** A fast stand-in for the real hasher: enough to tell right from wrong passwords in use-case tests. */
final class ReversedPasswordHasher implements PasswordHasher {

    @Override
    public PasswordHash hash(String password) {
        return new PasswordHash("rev:" + new StringBuilder(password).reverse());
    }

    @Override
    public boolean matches(String password, PasswordHash hash) {
        return hash(password).equals(hash);
    }
}
