package dev.warden.domain.template.content;

import java.util.Objects;

/**
 * One button. {@code url} is set for URL buttons, {@code phoneNumber} for PHONE_NUMBER buttons,
 * {@code example} holds the example of a URL variable or of a copy code.
 */
public record Button(ButtonType type, String text, String url, String phoneNumber, String example) {

    public Button {
        Objects.requireNonNull(type, "button type");
        text = Objects.requireNonNullElse(text, "");
    }

    public static Button quickReply(String text) {
        return new Button(ButtonType.QUICK_REPLY, text, null, null, null);
    }

    public static Button url(String text, String url) {
        return new Button(ButtonType.URL, text, url, null, null);
    }
}
