package dev.warden.adapters.web.api;

import dev.warden.domain.template.parameter.ParameterReport;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** A text's variables, their format (null when none or mixed) and every rule of Meta's they break. */
@Serdeable
record ParameterReportResponse(boolean valid, String format, List<String> parameters,
                               List<Placeholder> placeholders, List<Issue> issues) {

    /** One {{...}}: its name and where it stands in the text (start inclusive, end exclusive). */
    @Serdeable
    record Placeholder(String name, int start, int end) {
    }

    /** One broken rule; {@code parameter} names the variable it is about, null when it is about the whole text. */
    @Serdeable
    record Issue(String rule, String parameter, String message) {
    }

    static ParameterReportResponse from(ParameterReport report) {
        return new ParameterReportResponse(report.valid(), report.format().map(Enum::name).orElse(null),
                report.parameters(), report.placeholders().stream()
                .map(p -> new Placeholder(p.name(), p.start(), p.end())).toList(),
                report.issues().stream().map(i -> new Issue(i.rule().name(), i.parameter().orElse(null),
                        i.message())).toList());
    }
}
