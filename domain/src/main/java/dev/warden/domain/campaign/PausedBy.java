package dev.warden.domain.campaign;

import dev.warden.domain.shared.InvalidValue;
import java.util.Objects;

/** Who paused a campaign: Warden itself for a template reason, or a named person. */
public record PausedBy(Kind kind, String username) {

    /** SYSTEM pauses may resume by themselves; USER pauses never do. */
    public enum Kind { SYSTEM, USER }

    public static final PausedBy SYSTEM = new PausedBy(Kind.SYSTEM, null);

    public PausedBy {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.USER && (username == null || username.isBlank())) {
            throw new InvalidValue("a user pause names the user");
        }
        if (kind == Kind.SYSTEM) {
            username = null;
        }
    }

    public static PausedBy user(String username) {
        return new PausedBy(Kind.USER, username);
    }

    public boolean isSystem() {
        return kind == Kind.SYSTEM;
    }
}
