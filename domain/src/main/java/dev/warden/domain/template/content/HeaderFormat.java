package dev.warden.domain.template.content;

import dev.warden.domain.shared.InvalidValue;
import java.util.Locale;

/** A header is text or media. */
public enum HeaderFormat {
    TEXT, IMAGE, VIDEO, DOCUMENT, LOCATION;

    public static HeaderFormat parse(String value) {
        for (HeaderFormat format : values()) {
            if (format.name().equals(value == null ? "" : value.strip().toUpperCase(Locale.ROOT))) {
                return format;
            }
        }
        throw new InvalidValue("header format must be TEXT, IMAGE, VIDEO, DOCUMENT or LOCATION, was '"
                + value + "'");
    }
}
