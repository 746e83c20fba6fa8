package dev.warden.domain.template;

import dev.warden.domain.shared.InvalidValue;
import java.util.Objects;

/**
 * Meta's template id, kept as the exact decimal text. Meta's ids exceed 2^53, so a JSON double
 * would corrupt them; they also arrive as numbers in webhooks and as strings from the Graph API.
 */
public record MetaTemplateId(String value) {

    public MetaTemplateId {
        Objects.requireNonNull(value, "metaTemplateId");
        if (!value.matches("[0-9]{1,32}")) {
            throw new InvalidValue("metaTemplateId must be 1 to 32 digits, was '" + value + "'");
        }
        value = value.replaceFirst("^0+(?=.)", "");
    }

    @Override
    public String toString() {
        return value;
    }
}
