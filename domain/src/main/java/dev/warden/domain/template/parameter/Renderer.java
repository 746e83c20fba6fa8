package dev.warden.domain.template.parameter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Fills a text's variables with a send's values, refusing missing, extra or malformed values. */
public final class Renderer {

    /** Meta refuses text parameters with new lines, tabs or more than four spaces in a row (error 132018). */
    private static final Pattern FORBIDDEN_IN_VALUE = Pattern.compile("[\\n\\t]| {5,}");

    private Renderer() {
    }

    /**
     * Renders {@code text} with {@code values}, keyed by variable name ("1", "2" when positional).
     *
     * @throws ParameterMismatch listing every problem at once
     */
    public static String render(String component, TemplateText text, Map<String, String> values) {
        List<ValueProblem> problems = problems(component, text, values);
        if (!problems.isEmpty()) {
            throw new ParameterMismatch(problems);
        }
        return text.substitute(values);
    }

    /** Every reason {@code values} cannot fill {@code text}; empty when they can. */
    public static List<ValueProblem> problems(String component, TemplateText text, Map<String, String> values) {
        List<ValueProblem> problems = new ArrayList<>();
        List<String> names = text.parameterNames();
        for (String name : names) {
            String value = values.get(name);
            if (value == null) {
                problems.add(new ValueProblem(component, name, ValueProblem.Rule.MISSING_VALUE,
                        component + " is missing a value for '{{" + name + "}}'"));
            } else if (value.isBlank()) {
                problems.add(new ValueProblem(component, name, ValueProblem.Rule.BLANK_VALUE,
                        component + " value for '{{" + name + "}}' is blank"));
            } else if (FORBIDDEN_IN_VALUE.matcher(value).find()) {
                problems.add(new ValueProblem(component, name, ValueProblem.Rule.FORBIDDEN_CHARACTERS,
                        component + " value for '{{" + name + "}}' contains a new line, a tab or more than four spaces in a row"));
            }
        }
        for (String name : values.keySet()) {
            if (!names.contains(name)) {
                problems.add(new ValueProblem(component, name, ValueProblem.Rule.UNKNOWN_PARAMETER,
                        component + " has no variable '{{" + name + "}}'"));
            }
        }
        return problems;
    }
}
