package dev.warden.domain.template.parameter;

import java.util.List;
import java.util.Optional;

/**
 * What a text's variables are and which of Meta's rules they break ({@link TemplateParameters#detect},
 * {@link TemplateParameters#validate}).
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

    public boolean valid() {
        return issues.isEmpty();
    }
}
