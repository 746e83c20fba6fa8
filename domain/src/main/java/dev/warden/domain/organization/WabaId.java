package dev.warden.domain.organization;

import dev.warden.domain.shared.InvalidValue;
import java.util.Objects;

/** A WhatsApp Business Account id as Meta writes it ({@code entry[].id}): digits, kept as text. */
public record WabaId(String value) {

    public WabaId {
        Objects.requireNonNull(value, "wabaId");
        if (!value.matches("[0-9]{1,32}")) {
            throw new InvalidValue("wabaId must be 1 to 32 digits, was '" + value + "'");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
