package dev.warden.domain.template.content;

import dev.warden.domain.shared.InvalidValue;
import java.util.Objects;

/** The optional footer: short text without variables. */
public record Footer(String text) {

    public Footer {
        Objects.requireNonNull(text, "footer text");
        if (text.isBlank()) {
            throw new InvalidValue("footer text must not be blank");
        }
    }
}
