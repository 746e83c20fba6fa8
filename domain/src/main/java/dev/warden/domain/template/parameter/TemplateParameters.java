package dev.warden.domain.template.parameter;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one entry point for a text's variables ({{1}} or {{first_name}}): detect them, validate them
 * against Meta's rules, render them with a send's values. Every issue and every problem names its
 * rule and, where it concerns one variable, that variable.
 */
public final class TemplateParameters {

    private TemplateParameters() {
    }

    /** Detects the format from the text and checks the text as a body in it, before any example is written. */
    public static ParameterReport detect(String text) {
        TemplateText parsed = TemplateText.parse(text);
        Optional<ParameterFormat> format = parsed.detectFormat();
        return new ParameterReport(format, parsed.parameterNames(), parsed.placeholders(), ParameterRules.checkText(
                parsed, format.orElse(ParameterFormat.POSITIONAL), TextRole.BODY));
    }

    /**
     * Checks a text and its examples against the format it claims, as Meta would for that component.
     *
     * @param examples example value per variable name ("1", "2" for positional); Meta requires one each
     */
    public static ParameterReport validate(String text, ParameterFormat format, TextRole role,
                                           Map<String, String> examples) {
        TemplateText parsed = TemplateText.parse(text);
        return new ParameterReport(parsed.detectFormat(), parsed.parameterNames(), parsed.placeholders(),
                ParameterRules.check(parsed, format, role, examples));
    }

    /** Checks a body and its examples in the format its variables use (POSITIONAL when it has none). */
    public static ParameterReport validate(String body, Map<String, String> examples) {
        return validate(body, TemplateText.parse(body).detectFormat().orElse(ParameterFormat.POSITIONAL),
                TextRole.BODY, examples);
    }

    /**
     * Fills a text of the given component with a send's values, keyed by variable name.
     *
     * @throws ParameterMismatch naming every missing, blank, malformed or extra value at once
     */
    public static String render(TextRole role, String text, Map<String, String> values) {
        return Renderer.render(role.name(), TemplateText.parse(text), values);
    }

    /** Every reason the values cannot fill the text; empty when they can. */
    public static List<ValueProblem> problems(TextRole role, String text, Map<String, String> values) {
        return Renderer.problems(role.name(), TemplateText.parse(text), values);
    }
}
