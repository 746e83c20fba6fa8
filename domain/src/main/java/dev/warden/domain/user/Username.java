package dev.warden.domain.user;

import dev.warden.domain.shared.InvalidValue;
import java.util.Locale;
import java.util.Objects;

/** A login name: 3 to 64 of lowercase letters, digits, '.', '_', '-' and '@'; compared case-insensitively. */
public record Username(String value) {

    public Username {
        Objects.requireNonNull(value, "username");
        value = value.strip().toLowerCase(Locale.ROOT);
        if (!value.matches("[a-z0-9._@-]{3,64}")) {
            throw new InvalidValue(
                    "username must be 3 to 64 characters of letters, digits, '.', '_', '-' or '@'");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
