package dev.warden.domain.template.content;

import java.util.Objects;

/**
 * One way a template's content breaks Meta's rules: the component (HEADER, BODY, FOOTER, BUTTONS,
 * BUTTONS[i]), the field of it at fault (text, examples, url, phoneNumber, example, buttons), the rule
 * and a message a person can act on.
 */
public record ContentViolation(String component, String field, String rule, String message) {

    public ContentViolation {
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return component + "." + field + ": " + message;
    }
}
