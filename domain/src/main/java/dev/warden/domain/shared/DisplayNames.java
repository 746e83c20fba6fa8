package dev.warden.domain.shared;

/**
 * The rule for names people type (organisations, WABAs, campaigns): stripped, 1 to a maximum of
 * characters, no control characters (PostgreSQL refuses NUL in text, and no name needs a tab or a
 * line break).
 */
public final class DisplayNames {

    private DisplayNames() {
    }

    /**
     * @param what how the refusal names the field ("campaign name")
     * @return the name stripped
     * @throws InvalidValue when blank, too long or holding a control character
     */
    public static String require(String what, String name, int maxLength) {
        if (name == null || name.isBlank()) {
            throw new InvalidValue(what + " must not be blank");
        }
        String stripped = name.strip();
        if (stripped.length() > maxLength) {
            throw new InvalidValue(what + " must be at most " + maxLength + " characters");
        }
        if (stripped.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidValue(what + " must not contain control characters");
        }
        return stripped;
    }
}
