package dev.warden.domain.template.parameter;

import java.util.Objects;
import java.util.Optional;

/**
 * Why Meta would reject a text's variables (or how Meta's review heuristics would).
 *
 * @param rule      which rule the text breaks
 * @param parameter the variable the issue is about ("1" when positional); empty when it is about the whole text
 * @param message   the same for a person
 */
public record ParameterIssue(Rule rule, Optional<String> parameter, String message) {

    public ParameterIssue {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(parameter, "parameter");
        Objects.requireNonNull(message, "message");
    }

    /** An issue of the whole text (its syntax, its format, its length). */
    static ParameterIssue ofText(Rule rule, String message) {
        return new ParameterIssue(rule, Optional.empty(), message);
    }

    /** An issue of one variable. */
    static ParameterIssue about(String parameter, Rule rule, String message) {
        return new ParameterIssue(rule, Optional.of(parameter), message);
    }

    /** Whether the issue lies in the examples given rather than in the text itself. */
    public boolean aboutExamples() {
        return rule == Rule.MISSING_EXAMPLE || rule == Rule.UNUSED_EXAMPLE;
    }

    /** The rules, named after what they forbid. */
    public enum Rule {
        MALFORMED_PLACEHOLDER,
        MIXED_FORMATS,
        WRONG_FORMAT,
        INVALID_NAME,
        NOT_SEQUENTIAL,
        VARIABLE_AT_START,
        VARIABLE_AT_END,
        ADJACENT_VARIABLES,
        TOO_MANY_VARIABLES,
        TOO_MANY_VARIABLES_IN_COMPONENT,
        MISSING_EXAMPLE,
        UNUSED_EXAMPLE
    }
}
