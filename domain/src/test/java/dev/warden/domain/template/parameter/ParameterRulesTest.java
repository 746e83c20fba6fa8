package dev.warden.domain.template.parameter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.domain.template.parameter.ParameterIssue.Rule;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParameterRulesTest {

    private static List<Rule> rules(String text, ParameterFormat format, TextRole role, Map<String, String> examples) {
        return ParameterRules.check(TemplateText.parse(text), format, role, examples).stream()
                .map(ParameterIssue::rule).toList();
    }

    @Test
    void a_well_formed_named_body_has_no_issues() {
        assertThat(rules("Hi {{first_name}}, order {{order_id}} ships today from our store.", ParameterFormat.NAMED,
                TextRole.BODY, Map.of("first_name", "Ana", "order_id", "A1"))).isEmpty();
    }

    @Test
    void detects_the_format_from_the_variables() {
        assertThat(TemplateText.parse("Hi {{1}} and {{2}}").detectFormat()).contains(ParameterFormat.POSITIONAL);
        assertThat(TemplateText.parse("Hi {{ first_name }}").detectFormat()).contains(ParameterFormat.NAMED);
        assertThat(TemplateText.parse("Hi {{1}} and {{name}}").detectFormat()).isEmpty();
        assertThat(TemplateText.parse("No variables").detectFormat()).isEmpty();
        assertThat(TemplateText.parse("Hi {{ first_name }}").parameterNames()).containsExactly("first_name");
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "Hello {{1}} and {{name}} from our shop today. | POSITIONAL | MIXED_FORMATS",
        "Hello {{1}} and {{3}} from our shop today, see you. | POSITIONAL | NOT_SEQUENTIAL",
        "Hello {{1}} and {{99999999999999999999}} from our shop today, see you. | POSITIONAL | NOT_SEQUENTIAL",
        "{{1}} is your code for the shop login today. | POSITIONAL | VARIABLE_AT_START",
        "Your code for the shop login today is {{1}} | POSITIONAL | VARIABLE_AT_END",
        "Your code for the shop is {{1}} {{2}} as of today. | POSITIONAL | ADJACENT_VARIABLES",
        "Hi {{1}}, {{2}} and {{3}}! | POSITIONAL | TOO_MANY_VARIABLES",
        "Hello {{First Name}}, welcome to the shop today. | NAMED | INVALID_NAME",
        "Hello {{1}}, welcome to the shop today. | NAMED | WRONG_FORMAT",
        "Hello {{name}, welcome to the shop today. | NAMED | MALFORMED_PLACEHOLDER",
        "Hello {{1}} and {{A}} from our shop today, see you. | POSITIONAL | INVALID_NAME",
        "Hello {{1}} and {{2x}} from our shop today, see you. | POSITIONAL | INVALID_NAME",
        "Hello {{1}}, {{A}} and {{3}} from our shop today, see you. | POSITIONAL | NOT_SEQUENTIAL",
    })
    void refuses_what_meta_refuses(String text, ParameterFormat format, Rule expected) {
        Map<String, String> examples = new java.util.HashMap<>();
        TemplateText.parse(text).parameterNames().forEach(n -> examples.put(n, "x"));

        assertThat(rules(text, format, TextRole.BODY, examples)).contains(expected);
    }

    @Test
    void every_variable_needs_an_example_and_every_example_a_variable() {
        assertThat(rules("Hello {{1}}, welcome to the shop today.", ParameterFormat.POSITIONAL, TextRole.BODY,
                Map.of("2", "x"))).containsExactlyInAnyOrder(Rule.MISSING_EXAMPLE, Rule.UNUSED_EXAMPLE);
    }

    @Test
    void headers_take_one_variable_and_footers_none() {
        assertThat(rules("Order {{1}} for {{2}}", ParameterFormat.POSITIONAL, TextRole.HEADER, Map.of("1", "a", "2", "b")))
                .contains(Rule.TOO_MANY_VARIABLES_IN_COMPONENT);
        assertThat(rules("Order {{1}}", ParameterFormat.POSITIONAL, TextRole.HEADER, Map.of("1", "a"))).isEmpty();
        assertThat(rules("Sent by {{1}}", ParameterFormat.POSITIONAL, TextRole.FOOTER, Map.of("1", "a")))
                .contains(Rule.TOO_MANY_VARIABLES_IN_COMPONENT);
    }

    @Test
    void renders_named_values_in_any_order() {
        TemplateText text = TemplateText.parse("Hi {{first_name}}, order {{order_id}} for {{first_name}} ships.");

        assertThat(Renderer.render("BODY", text, Map.of("order_id", "A-1", "first_name", "Ana")))
                .isEqualTo("Hi Ana, order A-1 for Ana ships.");
    }

    @Test
    void refuses_missing_extra_and_malformed_values_all_at_once() {
        TemplateText text = TemplateText.parse("Hi {{1}}, your code is {{2}} and {{3}} today.");

        assertThatThrownBy(() -> Renderer.render("BODY", text, Map.of("2", "line\nbreak", "3", "  ", "4", "extra")))
                .isInstanceOf(ParameterMismatch.class)
                .satisfies(e -> assertThat(((ParameterMismatch) e).problems())
                        .extracting(p -> p.parameter() + " " + p.rule()).containsExactlyInAnyOrder(
                                "1 MISSING_VALUE", "2 FORBIDDEN_CHARACTERS", "3 BLANK_VALUE", "4 UNKNOWN_PARAMETER"))
                .hasMessageContaining("missing a value for '{{1}}'")
                .hasMessageContaining("new line")
                .hasMessageContaining("blank")
                .hasMessageContaining("no variable '{{4}}'");
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', value = {
        "{{1}} is your code for the shop login today. | VARIABLE_AT_START | 1",
        "Your code for the shop login today is {{1}} | VARIABLE_AT_END | 1",
        "Hello {{1}}{{2}} from our shop today, see you soon. | ADJACENT_VARIABLES | 2",
        "Hello {{1}} and {{3}} from our shop today, see you. | NOT_SEQUENTIAL | 3",
        "Hello {{First}} from our shop today, see you soon. | INVALID_NAME | First",
        "Hello {{1}} and {{name}} from our shop today. | MIXED_FORMATS | ''",
        "Hi {{1}} {{2}} {{3}} | TOO_MANY_VARIABLES | ''",
    })
    void every_issue_names_the_variable_it_is_about_or_none_for_the_whole_text(String text, Rule rule,
                                                                                String parameter) {
        List<ParameterIssue> issues = ParameterRules.checkText(TemplateText.parse(text), ParameterFormat.POSITIONAL,
                TextRole.BODY);

        assertThat(issues).filteredOn(issue -> issue.rule() == rule).first()
                .extracting(ParameterIssue::parameter)
                .isEqualTo(parameter.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(parameter));
    }

    @Test
    void examples_are_checked_variable_by_variable() {
        assertThat(TemplateParameters.validate("Hello {{1}} and {{2}} from our shop today, see you.",
                Map.of("1", "Ana", "7", "x")).issues())
                .extracting(issue -> issue.rule() + " " + issue.parameter().orElse("-"))
                .containsExactlyInAnyOrder("MISSING_EXAMPLE 2", "UNUSED_EXAMPLE 7");
    }
}
