package dev.warden.domain.template.content;

/** One way a template's content breaks Meta's rules, named by component and rule. */
public record ContentViolation(String component, String rule, String message) {

    @Override
    public String toString() {
        return component + ": " + message;
    }
}
