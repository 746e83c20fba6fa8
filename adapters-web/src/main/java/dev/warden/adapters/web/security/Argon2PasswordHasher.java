package dev.warden.adapters.web.security;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import dev.warden.application.port.out.PasswordHasher;
import dev.warden.domain.user.PasswordHash;
import jakarta.inject.Singleton;

/**
 * Password hashing with Argon2id (password4j). Parameters follow OWASP's minimum for Argon2id
 * (19 MiB, 2 iterations, 1 lane); each hash records its own parameters, so they can be raised later.
 * Every computation takes one of the {@link PasswordHashingSlots}, which bound the memory they hold at once.
 */
@Singleton
final class Argon2PasswordHasher implements PasswordHasher {

    private static final Argon2Function ARGON2 = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);

    private final PasswordHashingSlots slots;

    Argon2PasswordHasher(PasswordHashingSlots slots) {
        this.slots = slots;
    }

    @Override
    public PasswordHash hash(String password) {
        return slots.use(() -> new PasswordHash(Password.hash(password).addRandomSalt(16).with(ARGON2).getResult()));
    }

    @Override
    public boolean matches(String password, PasswordHash hash) {
        return slots.use(() -> check(password, hash));
    }

    private static boolean check(String password, PasswordHash hash) {
        try {
            return Password.check(password, hash.value()).with(Argon2Function.getInstanceFromHash(hash.value()));
        } catch (RuntimeException e) {
            // A stored value that is no Argon2 hash matches no password.
            return false;
        }
    }
}
