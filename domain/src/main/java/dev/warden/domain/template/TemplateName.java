package dev.warden.domain.template;

import dev.warden.domain.shared.InvalidValue;
import java.util.Objects;
import java.util.regex.Pattern;

/** A template name as Meta allows it: lowercase letters, digits and underscores, at most 512 characters. */
public record TemplateName(String value) {

    public static final int MAX_LENGTH = 512;
    private static final Pattern ALLOWED = Pattern.compile("[a-z0-9_]+");

    public TemplateName {
        Objects.requireNonNull(value, "name");
        if (value.isEmpty() || value.length() > MAX_LENGTH || !ALLOWED.matcher(value).matches()) {
            throw new InvalidValue("template name must be 1 to " + MAX_LENGTH
                    + " lowercase letters, digits or underscores, was '" + value + "'");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
