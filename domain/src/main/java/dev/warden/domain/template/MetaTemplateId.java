package dev.warden.domain.template;

import dev.warden.domain.shared.InvalidValue;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Meta's template id, kept as the exact decimal text. Meta's ids exceed 2^53, so a JSON double
 * would corrupt them; they also arrive as numbers in webhooks and as strings from the Graph API.
 */
public record MetaTemplateId(String value) {

    // Compiled once: an id is made for every template a webhook batch reads or names.
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,32}");
    private static final Pattern LEADING_ZEROS = Pattern.compile("^0+(?=.)");

    public MetaTemplateId {
        Objects.requireNonNull(value, "metaTemplateId");
        if (!DIGITS.matcher(value).matches()) {
            throw new InvalidValue("metaTemplateId must be 1 to 32 digits, was '" + value + "'");
        }
        value = LEADING_ZEROS.matcher(value).replaceFirst("");
    }

    @Override
    public String toString() {
        return value;
    }
}
