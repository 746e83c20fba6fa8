package com.example.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.warden.domain.template.parameter.ParameterFormat;
import dev.warden.domain.template.parameter.ParameterIssue;
import dev.warden.domain.template.parameter.ParameterMismatch;
import dev.warden.domain.template.parameter.ParameterReport;
import dev.warden.domain.template.parameter.TemplateParameters;
import dev.warden.domain.template.parameter.TextRole;
import dev.warden.domain.template.parameter.ValueProblem;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ParametersTest {

    private static final String BODY = "Hi {{first_name}}, your order {{order_id}} is on its way.";

    @Test
    void detect_finds_the_variables_and_their_format() {
        ParameterReport report = TemplateParameters.detect(BODY);

        assertThat(report.format()).contains(ParameterFormat.NAMED);
        assertThat(report.parameters()).containsExactly("first_name", "order_id");
        assertThat(report.valid()).isTrue();
    }

    @Test
    void validate_names_the_rule_and_the_variable_of_every_issue() {
        ParameterReport report = TemplateParameters.validate("Your code {{1}} expires on {{3}} for sure.",
                Map.of("1", "4711"));

        assertThat(report.valid()).isFalse();
        assertThat(report.issues()).extracting(ParameterIssue::rule, ParameterIssue::parameter)
                .containsExactlyInAnyOrder(
                        tuple(ParameterIssue.Rule.NOT_SEQUENTIAL, Optional.of("3")),
                        tuple(ParameterIssue.Rule.MISSING_EXAMPLE, Optional.of("3")));
    }

    @Test
    void render_fills_the_values_or_names_every_one_that_does_not_fit() {
        assertThat(TemplateParameters.render(TextRole.BODY, BODY, Map.of("first_name", "Ana", "order_id", "A-1")))
                .isEqualTo("Hi Ana, your order A-1 is on its way.");

        assertThatThrownBy(() -> TemplateParameters.render(TextRole.BODY, BODY,
                Map.of("first_name", "Ana\nMaria", "coupon", "X")))
                .isInstanceOfSatisfying(ParameterMismatch.class, mismatch -> assertThat(mismatch.problems())
                        .extracting(ValueProblem::parameter, ValueProblem::rule)
                        .containsExactlyInAnyOrder(
                                tuple("first_name", ValueProblem.Rule.FORBIDDEN_CHARACTERS),
                                tuple("order_id", ValueProblem.Rule.MISSING_VALUE),
                                tuple("coupon", ValueProblem.Rule.UNKNOWN_PARAMETER)));
    }
}
