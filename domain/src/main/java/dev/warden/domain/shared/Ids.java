package dev.warden.domain.shared;

import java.util.UUID;

/** Parses identifiers given as text, naming the field when the text is not a UUID. */
public final class Ids {

    private Ids() {
    }

    public static UUID parseUuid(String field, String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidValue(field + " must be a UUID, was '" + text + "'", e);
        }
    }
}
