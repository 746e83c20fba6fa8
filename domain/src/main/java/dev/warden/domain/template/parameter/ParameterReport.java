package dev.warden.domain.template.parameter;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a text's variables are and which of Meta's rules they break.
 *
 * @param format       the format the variables use; empty when there are none or they are mixed
 * @param parameters   distinct variable names in order of first appearance
 * @param placeholders every {{...}} with its position in the text
 */
public record ParameterReport(Optional<ParameterFormat> format, List<String> parameters,
                              List<Placeholder> placeholders, List<ParameterIssue> issues) {

    public ParameterReport {
        parameters = List.copyOf(parameters);
        placeholders = List.copyOf(placeholders);
        issues = List.copyOf(issues);
    }

    /** Detects the format from the text and checks the text as a body in it, before any example is written. */
    public static ParameterReport detect(String text) {
        TemplateText parsed = TemplateText.parse(text);
        Optional<ParameterFormat> format = parsed.detectFormat();
        return new ParameterReport(format, parsed.parameterNames(), parsed.placeholders(), ParameterRules.checkText(
                parsed, format.orElse(ParameterFormat.POSITIONAL), TextRole.BODY));
    }

    /** Checks a text and its examples against the format it claims, as Meta would for that component. */
    public static ParameterReport validate(String text, ParameterFormat format, TextRole role,
                                           Map<String, String> examples) {
        TemplateText parsed = TemplateText.parse(text);
        return new ParameterReport(parsed.detectFormat(), parsed.parameterNames(), parsed.placeholders(),
                ParameterRules.check(parsed, format, role, examples));
    }

    public boolean valid() {
        return issues.isEmpty();
    }
}
