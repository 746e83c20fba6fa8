package dev.warden.domain.organization;

import dev.warden.domain.shared.InvalidValue;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** A WhatsApp Business Account id as Meta writes it ({@code entry[].id}): digits, kept as text. */
public record WabaId(String value) {

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,32}");

    public WabaId {
        Objects.requireNonNull(value, "wabaId");
        if (!DIGITS.matcher(value).matches()) {
            throw new InvalidValue("wabaId must be 1 to 32 digits, was '" + value + "'");
        }
    }

    /** The id, when {@code value} is one; empty for text no WABA could have. */
    public static Optional<WabaId> parse(String value) {
        return value != null && DIGITS.matcher(value).matches() ? Optional.of(new WabaId(value)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
