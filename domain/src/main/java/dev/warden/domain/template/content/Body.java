package dev.warden.domain.template.content;

import dev.warden.domain.shared.InvalidValue;
import java.util.Map;
import java.util.Objects;

/** The body text every template has, with an example value per variable. */
public record Body(String text, Map<String, String> examples) {

    public Body {
        Objects.requireNonNull(text, "body text");
        if (text.isBlank()) {
            throw new InvalidValue("body text must not be blank");
        }
        examples = Map.copyOf(Objects.requireNonNullElse(examples, Map.of()));
    }

    public static Body of(String text) {
        return new Body(text, Map.of());
    }
}
