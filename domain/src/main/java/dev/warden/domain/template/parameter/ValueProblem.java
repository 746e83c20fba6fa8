package dev.warden.domain.template.parameter;

import java.util.Objects;

/**
 * Why one value of a send (or a preview) cannot fill a template.
 *
 * @param component HEADER, BODY or BUTTONS[i]
 * @param parameter the variable name ("1" when positional), or the value's key when the template has no such variable
 * @param rule      which rule the value breaks
 * @param message   the same for a person
 */
public record ValueProblem(String component, String parameter, Rule rule, String message) {

    public ValueProblem {
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(parameter, "parameter");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }

    /** The rules a send's values must keep, named after what they forbid. */
    public enum Rule {
        /** The template has the variable; no value was given for it. */
        MISSING_VALUE,
        /** The value is empty or only blanks. */
        BLANK_VALUE,
        /** A new line, a tab or more than four spaces in a row: Meta refuses it (error 132018). */
        FORBIDDEN_CHARACTERS,
        /** A value for a variable the component does not have. */
        UNKNOWN_PARAMETER,
        /** A value for a button the template does not have. */
        NO_SUCH_BUTTON
    }
}
