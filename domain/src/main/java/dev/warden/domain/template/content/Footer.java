package dev.warden.domain.template.content;

import java.util.Objects;

/** The optional footer: short text without variables. */
public record Footer(String text) {

    public Footer {
        Objects.requireNonNull(text, "footer text");
        if (text.isBlank()) {
            throw new IllegalArgumentException("footer text must not be blank");
        }
    }
}
