package dev.warden.domain.template.content;

import java.util.Locale;

/** Meta's button kinds. Kinds this list does not know are kept as OTHER so a webhook never fails. */
public enum ButtonType {
    QUICK_REPLY, URL, PHONE_NUMBER, COPY_CODE, OTP, FLOW, CATALOG, MPM, SPM, VOICE_CALL, OTHER;

    public static ButtonType fromMeta(String value) {
        String normalised = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
        for (ButtonType type : values()) {
            if (type.name().equals(normalised)) {
                return type;
            }
        }
        return OTHER;
    }
}
