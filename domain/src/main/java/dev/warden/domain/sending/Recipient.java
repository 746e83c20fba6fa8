package dev.warden.domain.sending;

import dev.warden.domain.shared.InvalidValue;
import java.util.Objects;

/**
 * Whom a message goes to: a phone number in E.164 ({@code +919810012345}) or a business-scoped user id
 * ({@code US.13491208655302741918}, meta-platform.md §12), which Meta gives instead of the number to
 * users with a username. {@link #contact()} is the key the window and the block lists use: the
 * number's digits (as Meta's {@code wa_id}) or the BSUID.
 */
public record Recipient(Kind kind, String value) {

    public enum Kind { PHONE, BSUID }

    public Recipient {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
    }

    public static Recipient parse(String text) {
        if (text != null && text.matches("\\+[1-9][0-9]{6,14}")) {
            return new Recipient(Kind.PHONE, text);
        }
        if (text != null && text.matches("[A-Z]{2}\\.[0-9]{1,64}")) {
            return new Recipient(Kind.BSUID, text);
        }
        throw new InvalidValue("recipient must be a phone number in E.164 (+ and 7 to 15 digits) or a business-scoped"
                + " user id (two capital letters, a dot and digits, e.g. US.13491208655302741918), was '" + text + "'");
    }

    public boolean isPhone() {
        return kind == Kind.PHONE;
    }

    /** The number's digits, or the BSUID. */
    public String contact() {
        return isPhone() ? value.substring(1) : value;
    }

    @Override
    public String toString() {
        return value;
    }
}
