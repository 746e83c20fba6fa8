package dev.warden.domain.template.parameter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Property tests (QuickTheories, which shrinks failures to a minimal case) for detection and rendering. */
class ParameterPropertiesTest {

    private static final Gen<String> WORDS = lists().of(strings().betweenCodePoints('a', 'z').ofLengthBetween(1, 8))
            .ofSizeBetween(2, 6).map(words -> String.join(" ", words));

    private static final Gen<String> NAMES = strings().betweenCodePoints('a', 'z').ofLengthBetween(1, 12)
            .zip(integers().between(0, 99), (letters, n) -> letters + "_" + n);

    @Test
    void parsing_never_fails_and_finds_only_what_is_between_double_braces() {
        qt().forAll(strings().allPossible().ofLengthBetween(0, 200)).checkAssert(text -> {
            TemplateText parsed = TemplateText.parse(text);
            parsed.placeholders().forEach(p -> assertThat(text.substring(p.start(), p.end()))
                    .startsWith("{{").endsWith("}}"));
        });
    }

    @Test
    void sequential_positional_variables_with_text_between_are_valid_and_render_every_value() {
        qt().forAll(integers().between(1, 12), WORDS).checkAssert((count, words) -> {
            StringBuilder text = new StringBuilder("Dear customer");
            Map<String, String> values = new HashMap<>();
            for (int i = 1; i <= count; i++) {
                text.append(' ').append(words).append(" {{").append(i).append("}}");
                values.put(String.valueOf(i), "value" + i);
            }
            text.append(" thanks.");
            TemplateText parsed = TemplateText.parse(text.toString());

            assertThat(parsed.detectFormat()).contains(ParameterFormat.POSITIONAL);
            assertThat(ParameterRules.check(parsed, ParameterFormat.POSITIONAL, TextRole.BODY, values)).isEmpty();
            String rendered = Renderer.render("BODY", parsed, values);
            assertThat(rendered).doesNotContain("{{").contains(values.values());
        });
    }

    @Test
    void named_variables_are_detected_as_named_and_listed_once_in_order() {
        qt().forAll(lists().of(NAMES).ofSizeBetween(1, 8)).checkAssert(names -> {
            String text = "Hello " + String.join(" and ", names.stream().map(n -> "{{" + n + "}}").toList()) + " bye";
            TemplateText parsed = TemplateText.parse(text);

            assertThat(parsed.detectFormat()).contains(ParameterFormat.NAMED);
            assertThat(parsed.parameterNames()).containsExactlyElementsOf(new ArrayList<>(new LinkedHashSet<>(names)));
        });
    }

    @Test
    void a_gap_in_positional_numbering_is_always_refused() {
        qt().forAll(integers().between(2, 30)).checkAssert(gapAt -> {
            List<String> parts = new ArrayList<>();
            for (int i = 1; i <= gapAt + 1; i++) {
                if (i != gapAt) {
                    parts.add("word word word {{" + i + "}}");
                }
            }
            TemplateText parsed = TemplateText.parse("Start " + String.join(" ", parts) + " end.");
            assertThat(ParameterRules.check(parsed, ParameterFormat.POSITIONAL, TextRole.BODY, Map.of()))
                    .extracting(ParameterIssue::rule).contains(ParameterIssue.Rule.NOT_SEQUENTIAL);
        });
    }
}
