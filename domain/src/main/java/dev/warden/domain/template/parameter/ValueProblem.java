package dev.warden.domain.template.parameter;

import java.util.Objects;

/**
 * Why one value of a send (or a preview) cannot fill a template.
 *
 * @param component HEADER, BODY or BUTTONS[i]
 * @param parameter the variable name ("1" when positional), or the value's key when the template has no such variable
 */
public record ValueProblem(String component, String parameter, String message) {

    public ValueProblem {
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(parameter, "parameter");
        Objects.requireNonNull(message, "message");
    }
}
