package dev.warden.domain.template.parameter;

/** Where a text sits in a template; each place allows variables differently. */
public enum TextRole {
    /** At most one variable. */
    HEADER(1, false),
    /** Any number, but never at the start or end, never adjacent, never too many for the length. */
    BODY(Integer.MAX_VALUE, true),
    /** No variables. */
    FOOTER(0, false),
    /** A URL button: at most one variable, at the end. */
    BUTTON_URL(1, false);

    private final int maxVariables;
    private final boolean bodyRules;

    TextRole(int maxVariables, boolean bodyRules) {
        this.maxVariables = maxVariables;
        this.bodyRules = bodyRules;
    }

    public int maxVariables() {
        return maxVariables;
    }

    /** How a message names the text: "body", "header", "footer", "button URL". */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    boolean bodyRules() {
        return bodyRules;
    }
}
