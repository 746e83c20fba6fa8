package dev.warden.domain.user;

import dev.warden.domain.shared.InvalidValue;

/** What a user may do. */
public enum Role {
    /** Runs the Warden installation: every organisation, registers organisations and WABAs. */
    SUPER_ADMIN,
    /** Reads and changes everything of their own organisation. */
    ORG_ADMIN,
    /** Reads their own organisation, changes nothing. */
    VIEWER;

    public static Role parse(String text) {
        for (Role role : values()) {
            if (role.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return role;
            }
        }
        throw new InvalidValue("role must be one of SUPER_ADMIN, ORG_ADMIN, VIEWER, was '" + text + "'");
    }
}
