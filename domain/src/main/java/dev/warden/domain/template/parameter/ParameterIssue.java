package dev.warden.domain.template.parameter;

/** Why Meta would reject a text's variables (or how Meta's review heuristics would). */
public record ParameterIssue(Rule rule, String message) {

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
