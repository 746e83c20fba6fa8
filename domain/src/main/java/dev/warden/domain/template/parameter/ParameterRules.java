package dev.warden.domain.template.parameter;

import dev.warden.domain.template.parameter.ParameterIssue.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Meta's rules for the variables of one text (SPEC 3.6, meta-platform.md section 8). Each check
 * names the rule it enforces so a person sees exactly why Meta would reject the template.
 */
public final class ParameterRules {

    private ParameterRules() {
    }

    /**
     * Checks a text's variables and examples.
     *
     * @param examples example value per variable name ("1", "2" for positional); Meta requires one each
     */
    public static List<ParameterIssue> check(TemplateText text, ParameterFormat format, TextRole role,
                                             Map<String, String> examples) {
        List<ParameterIssue> issues = new ArrayList<>(checkText(text, format, role));
        checkExamples(text.parameterNames(), examples, issues);
        return List.copyOf(issues);
    }

    /** Checks a text's variables alone, before anyone has written examples: syntax, format, count and placement. */
    public static List<ParameterIssue> checkText(TemplateText text, ParameterFormat format, TextRole role) {
        List<ParameterIssue> issues = new ArrayList<>();
        checkSyntax(text, issues);
        checkFormat(text, format, issues);
        List<String> names = text.parameterNames();
        if (names.size() > role.maxVariables()) {
            issues.add(ParameterIssue.ofText(Rule.TOO_MANY_VARIABLES_IN_COMPONENT,
                    "the " + role.label() + " allows at most " + role.maxVariables() + " variable(s), found "
                            + names.size()));
        }
        if (role.bodyRules()) {
            checkPlacement(text, role, issues);
        }
        return List.copyOf(issues);
    }

    private static void checkSyntax(TemplateText text, List<ParameterIssue> issues) {
        String outside = text.text().replaceAll("\\{\\{[^{}]*}}", "");
        if (outside.contains("{{") || outside.contains("}}")) {
            issues.add(ParameterIssue.ofText(Rule.MALFORMED_PLACEHOLDER,
                    "unbalanced '{{' or '}}' outside a variable"));
        }
        for (Placeholder placeholder : text.placeholders()) {
            if (!placeholder.isPositional() && !placeholder.isNamed()) {
                issues.add(ParameterIssue.about(placeholder.name(), Rule.INVALID_NAME, "variable '{{" + placeholder.name()
                        + "}}' must be a number or lowercase letters, digits and underscores"));
            }
        }
    }

    private static void checkFormat(TemplateText text, ParameterFormat format, List<ParameterIssue> issues) {
        boolean positional = text.placeholders().stream().anyMatch(Placeholder::isPositional);
        boolean named = text.placeholders().stream().anyMatch(Placeholder::isNamed);
        if (positional && named) {
            issues.add(ParameterIssue.ofText(Rule.MIXED_FORMATS, "positional and named variables are mixed"));
            return;
        }
        if ((positional && format == ParameterFormat.NAMED) || (named && format == ParameterFormat.POSITIONAL)) {
            issues.add(ParameterIssue.ofText(Rule.WRONG_FORMAT, "the template is " + format + " but its variables are "
                    + (positional ? ParameterFormat.POSITIONAL : ParameterFormat.NAMED)));
        }
        if (positional && !named) {
            Set<Integer> positions = new TreeSet<>();
            // Only well-formed positional ones have a position; an invalid one ({{A}}) is reported on its own.
            text.placeholders().stream().filter(Placeholder::isPositional).forEach(p -> positions.add(p.position()));
            int expected = 1;
            for (int position : positions) {
                if (position != expected++) {
                    // Names the first variable out of sequence: where the gap shows.
                    issues.add(ParameterIssue.about(nameAt(text, position), Rule.NOT_SEQUENTIAL,
                            "positional variables must run {{1}}..{{n}} without gaps, found " + positions));
                    break;
                }
            }
        }
    }

    private static void checkPlacement(TemplateText text, TextRole role, List<ParameterIssue> issues) {
        List<Placeholder> placeholders = text.placeholders();
        if (placeholders.isEmpty()) {
            return;
        }
        String raw = text.text();
        if (raw.substring(0, placeholders.get(0).start()).isBlank()) {
            issues.add(ParameterIssue.about(placeholders.get(0).name(), Rule.VARIABLE_AT_START, "the " + role.label() + " must not start with a variable"));
        }
        if (raw.substring(placeholders.get(placeholders.size() - 1).end()).isBlank()) {
            issues.add(ParameterIssue.about(placeholders.get(placeholders.size() - 1).name(), Rule.VARIABLE_AT_END, "the " + role.label() + " must not end with a variable"));
        }
        for (int i = 1; i < placeholders.size(); i++) {
            if (raw.substring(placeholders.get(i - 1).end(), placeholders.get(i).start()).isBlank()) {
                issues.add(ParameterIssue.about(placeholders.get(i).name(), Rule.ADJACENT_VARIABLES, "variables '{{" + placeholders.get(i - 1).name()
                        + "}}' and '{{" + placeholders.get(i).name() + "}}' need text between them"));
            }
        }
        int variables = placeholders.size();
        int words = countWords(text.withoutPlaceholders());
        // Meta's review rejects texts with too many variables for their length (subcode 2388293);
        // BSPs document the threshold as words + variables >= 3 * variables + 1.
        if (words + variables < 3 * variables + 1) {
            issues.add(ParameterIssue.ofText(Rule.TOO_MANY_VARIABLES, variables + " variables need at least "
                    + (2 * variables + 1) + " words of text around them, found " + words));
        }
    }

    private static void checkExamples(List<String> names, Map<String, String> examples, List<ParameterIssue> issues) {
        for (String name : names) {
            String example = examples.get(name);
            if (example == null || example.isBlank()) {
                issues.add(ParameterIssue.about(name, Rule.MISSING_EXAMPLE, "variable '{{" + name + "}}' needs an example value"));
            }
        }
        for (String name : examples.keySet()) {
            if (!names.contains(name)) {
                issues.add(ParameterIssue.about(name, Rule.UNUSED_EXAMPLE, "example given for '{{" + name
                        + "}}', which the text does not use"));
            }
        }
    }

    private static String nameAt(TemplateText text, int position) {
        return text.placeholders().stream().filter(p -> p.isPositional() && p.position() == position).findFirst()
                .map(Placeholder::name).orElseThrow();
    }

    static int countWords(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? 0 : stripped.split("\\s+").length;
    }
}
