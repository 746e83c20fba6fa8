package dev.warden.domain.template.content;

import dev.warden.domain.shared.InvalidValue;
import java.util.Map;
import java.util.Objects;

/** The optional header: text (with its variable examples) or a media kind without text. */
public record Header(HeaderFormat format, String text, Map<String, String> examples) {

    public Header {
        Objects.requireNonNull(format, "header format");
        examples = Map.copyOf(Objects.requireNonNullElse(examples, Map.of()));
        if (format == HeaderFormat.TEXT && (text == null || text.isBlank())) {
            throw new InvalidValue("a TEXT header needs text");
        }
        if (format != HeaderFormat.TEXT) {
            text = null;
        }
    }

    public static Header text(String text) {
        return new Header(HeaderFormat.TEXT, text, Map.of());
    }

    public boolean isText() {
        return format == HeaderFormat.TEXT;
    }
}
