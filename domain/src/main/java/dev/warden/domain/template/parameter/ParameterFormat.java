package dev.warden.domain.template.parameter;

import dev.warden.domain.shared.InvalidValue;
import java.util.Locale;

/** How a template writes its variables; Meta's default is POSITIONAL. A template never mixes them. */
public enum ParameterFormat {
    /** {@code {{first_name}}}: lowercase letters, digits and underscores. */
    NAMED,
    /** {@code {{1}}..{{n}}}, numbered from 1 without gaps. */
    POSITIONAL;

    public static ParameterFormat parse(String value) {
        if (value == null || value.isBlank()) {
            return POSITIONAL;
        }
        String normalised = value.strip().toUpperCase(Locale.ROOT);
        for (ParameterFormat format : values()) {
            if (format.name().equals(normalised)) {
                return format;
            }
        }
        throw new InvalidValue("parameterFormat must be NAMED or POSITIONAL, was '" + value + "'");
    }
}
