package dev.warden.domain.shared;

import java.util.UUID;
import java.util.regex.Pattern;

/** Parses identifiers given as text, naming the field when the text is not a UUID. */
public final class Ids {

    /**
     * The canonical 8-4-4-4-12 form. Checked first because {@link UUID#fromString} also accepts shorter
     * groups ("0-0-0-0-0"), which would let two spellings name one resource and hide a caller's typo.
     */
    private static final Pattern CANONICAL =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Ids() {
    }

    public static UUID parseUuid(String field, String text) {
        if (text == null || !CANONICAL.matcher(text).matches()) {
            throw new InvalidValue(field + " must be a UUID, was '" + text + "'");
        }
        return UUID.fromString(text);
    }
}
