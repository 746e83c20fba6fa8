package dev.warden.domain.template;

import dev.warden.domain.shared.InvalidValue;
import java.util.Locale;

/**
 * Meta's template category. Categories from before May 2023 (TRANSACTIONAL, OTP, ...) and any value
 * not known here fall into {@link #UNKNOWN}; history keeps the value exactly as Meta sent it.
 */
public enum TemplateCategory {
    MARKETING,
    UTILITY,
    AUTHENTICATION,
    UNKNOWN;

    public static TemplateCategory fromMeta(String value) {
        if (value == null) {
            return UNKNOWN;
        }
        String normalised = value.strip().toUpperCase(Locale.ROOT);
        for (TemplateCategory category : values()) {
            if (category.name().equals(normalised)) {
                return category;
            }
        }
        return UNKNOWN;
    }

    /** Parses a category a person chose; unlike Meta's values, an unknown one is an error. */
    public static TemplateCategory parse(String value) {
        TemplateCategory category = fromMeta(value);
        if (category == UNKNOWN) {
            throw new InvalidValue("category must be MARKETING, UTILITY or AUTHENTICATION, was '" + value + "'");
        }
        return category;
    }
}
