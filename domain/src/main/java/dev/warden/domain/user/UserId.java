package dev.warden.domain.user;

import java.util.Objects;
import java.util.UUID;

/** Identity of a user. */
public record UserId(UUID value) {

    public UserId {
        Objects.requireNonNull(value, "userId");
    }

    public static UserId random() {
        return new UserId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
