package dev.warden.domain.template;

import dev.warden.domain.shared.InvalidValue;
import java.util.Locale;

/**
 * Meta's template category. Categories from before May 2023 (TRANSACTIONAL, OTP, ...) and any value
 * not known here fall into {@link #UNKNOWN} (the Meta adapter decides); history keeps the value
 * exactly as Meta sent it.
 */
public enum TemplateCategory {
    MARKETING,
    UTILITY,
    AUTHENTICATION,
    UNKNOWN;

    /** Parses a category a person chose; unlike Meta's values, an unknown one is an error. */
    public static TemplateCategory parse(String value) {
        String normalised = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
        for (TemplateCategory category : values()) {
            if (category != UNKNOWN && category.name().equals(normalised)) {
                return category;
            }
        }
        throw new InvalidValue("category must be MARKETING, UTILITY or AUTHENTICATION, was '" + value + "'");
    }
}
