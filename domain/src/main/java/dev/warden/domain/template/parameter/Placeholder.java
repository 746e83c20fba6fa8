package dev.warden.domain.template.parameter;

/**
 * One {@code {{...}}} found in a text, with its position. {@code name} is the text between the
 * braces, trimmed; whether it is a valid name is for {@link ParameterRules} to say.
 */
public record Placeholder(String name, int start, int end) {

    public boolean isPositional() {
        return name.matches("[0-9]+");
    }

    public boolean isNamed() {
        return name.matches("[a-z][a-z0-9_]*");
    }

    /** The number of a positional variable; numbers past any template's size read as Integer.MAX_VALUE. */
    public int position() {
        String digits = name.replaceFirst("^0+(?=.)", "");
        return digits.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(digits);
    }
}
