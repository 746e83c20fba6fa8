package dev.warden.domain.user;

import dev.warden.domain.shared.InvalidValue;
import java.util.Objects;

/** A password as stored: the output of a slow hash, never the password itself. */
public record PasswordHash(String value) {

    public PasswordHash {
        Objects.requireNonNull(value, "passwordHash");
        if (value.isBlank()) {
            throw new InvalidValue("password hash must not be blank");
        }
    }

    @Override
    public String toString() {
        return "PasswordHash[redacted]";
    }
}
