package dev.warden.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.warden.bootstrap.LoopbackCaller.Answer;
import dev.warden.domain.template.QualityRating;
import dev.warden.domain.template.TemplateCategory;
import dev.warden.domain.template.TemplateName;
import dev.warden.domain.template.TemplateSortField;
import dev.warden.domain.template.TemplateStatus;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The query parameters of GET /api/v1/templates, tried with arbitrary values: a caller's bad value
 * is a 400 problem, never a 5xx (a 5xx tells operators Warden is broken, and hides the caller's mistake).
 */
@MicronautTest(transactional = false)
class TemplateQueryPropertiesIT extends ApiTest {

    private static final List<String> PARAMETERS = List.of("page", "size", "status", "quality", "category", "name",
            "organizationId", "wabaId", "metaTemplateId", "sort");

    @Inject
    EmbeddedServer server;

    /** Values a careless or hostile client might send: any text, numbers at the edges, plausible values. */
    private static final Gen<String> ANY_VALUE = Generate.frequency(
            Pair.of(3, strings().allPossible().ofLengthBetween(0, 40)),
            Pair.of(2, integers().all().map(number -> String.valueOf(number))),
            Pair.of(2, Generate.pick(List.of("", " ", "0", "-1", "100", "101", "2147483648",
                    "99999999999999999999", "approved", " RED ", "MARKETING", "1e3", "0x10", "NaN", "\u0000",
                    "%00", "00000000-0000-0000-0000-000000000000", "name", "-updatedAt", "--name", "-", "+name", "123456789012345678901234567890123",
                    "x".repeat(1500)))));

    @Test
    void any_values_of_two_parameters_get_200_or_400_never_a_5xx() {
        qt().withExamples(250).forAll(Generate.pick(PARAMETERS), ANY_VALUE, Generate.pick(PARAMETERS), ANY_VALUE)
                .checkAssert((first, firstValue, second, secondValue) -> {
                    Answer answer = get(query(first, firstValue) + "&" + query(second, secondValue));
                    assertThat(answer.status()).as(answer.toString()).isIn(200, 400);
                });
    }

    @Test
    void a_bad_value_is_a_400_problem_that_names_the_parameter() {
        Gen<Pair<String, String>> badPairs = Generate.pick(PARAMETERS)
                .flatMap(parameter -> badValue(parameter).map(value -> Pair.of(parameter, value)));
        qt().withExamples(250).forAll(badPairs).checkAssert(pair -> {
            String parameter = pair._1;
            String value = pair._2;
            assertThat(bad(parameter, value)).as("generated bad value %s=%s", parameter, value).isTrue();
            Answer answer = get(query(parameter, value));
            assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
            assertThat(answer.body()).containsIgnoringCase(parameter);
        });
    }

    @Test
    void raw_query_strings_with_broken_escapes_never_get_a_5xx() {
        Gen<String> raw = strings().betweenCodePoints(0x21, 0x7e).ofLengthBetween(0, 30)
                .map(s -> s.replace("#", "%"));
        qt().withExamples(250).forAll(Generate.pick(PARAMETERS), raw).checkAssert((parameter, value) -> {
            Answer answer = get(parameter + "=" + value);
            assertThat(answer.status()).as(answer.toString()).isLessThan(500);
        });
    }

    private Answer get(String query) {
        return new LoopbackCaller("127.0.3.1", server.getPort()).get("/api/v1/templates?" + query, root);
    }

    private static String query(String parameter, String value) {
        return parameter + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Values this parameter must refuse, made bad by construction. */
    private static Gen<String> badValue(String parameter) {
        switch (parameter) {
            case "page":
                return BadValues.notANumberBetween(0, Integer.MAX_VALUE);
            case "size":
                return BadValues.notANumberBetween(1, 100);
            case "status":
            case "quality":
            case "category":
                return BadValues.notOneOf();
            case "organizationId":
                return BadValues.notAUuid();
            case "wabaId":
            case "metaTemplateId":
                return BadValues.notAnId();
            case "name":
                return BadValues.controlOrLongerThan(TemplateName.MAX_LENGTH);
            case "sort":
                return BadValues.notOneOf();
            default:
                throw new IllegalStateException(parameter);
        }
    }

    /** Whether the value is one a well-behaved server must refuse for this parameter (the generator's check). */
    private static boolean bad(String parameter, String value) {
        String text = value.strip();
        if (text.isEmpty()) {
            return false;
        }
        switch (parameter) {
            case "page":
                return !BadValues.number(value, 0, Integer.MAX_VALUE);
            case "size":
                return !BadValues.number(value, 1, 100);
            case "status":
                return !BadValues.names(TemplateStatus.values()).contains(text.toUpperCase(Locale.ROOT));
            case "quality":
                return !BadValues.names(QualityRating.values()).contains(text.toUpperCase(Locale.ROOT));
            case "category":
                return !BadValues.names(TemplateCategory.values()).contains(text.toUpperCase(Locale.ROOT));
            case "organizationId":
                return !text.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
            case "wabaId":
            case "metaTemplateId":
                return !text.matches("[0-9]{1,32}");
            case "name":
                return text.chars().anyMatch(Character::isISOControl) || text.length() > TemplateName.MAX_LENGTH;
            case "sort":
                return Arrays.stream(TemplateSortField.values()).map(TemplateSortField::apiName)
                        .noneMatch(text.startsWith("-") ? text.substring(1)::equals : text::equals);
            default:
                throw new IllegalStateException(parameter);
        }
    }
}
