package dev.warden.domain.template;

import dev.warden.domain.shared.InvalidValue;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A template language such as {@code en_US}. Meta writes {@code en-US} in webhooks and
 * {@code en_US} in the Graph API; both mean the same, so the code is kept in the underscore form.
 */
public record LanguageCode(String value) {

    private static final Pattern CODE = Pattern.compile("[A-Za-z]{2,3}(_[A-Za-z0-9]{2,8})*");

    public LanguageCode {
        Objects.requireNonNull(value, "language");
        value = value.strip().replace('-', '_');
        if (!CODE.matcher(value).matches()) {
            throw new InvalidValue("language must look like 'en' or 'en_US', was '" + value + "'");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
