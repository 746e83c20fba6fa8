package dev.warden.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.warden.bootstrap.LoopbackCaller.Answer;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The query parameters of the health views, and the template id of the trend, tried with arbitrary
 * values: a bad value is a 400 problem naming the parameter, an unknown template a 404, never a 5xx.
 */
@MicronautTest(transactional = false)
class TemplateHealthQueryPropertiesIT extends ApiTest {

    /** Each route with the parameters it reads and the range of its numbers. */
    private static final Map<String, List<String>> ROUTES = Map.of(
            "/api/v1/templates/critical", List.of("page", "size", "organizationId"),
            "/api/v1/templates/quality-summary", List.of("recent", "organizationId"),
            "/api/v1/templates/00000000-0000-0000-0000-000000000001/quality-trend", List.of("days", "organizationId"));

    private static final Gen<String> ANY_VALUE = Generate.frequency(
            Pair.of(3, strings().allPossible().ofLengthBetween(0, 40)),
            Pair.of(2, integers().all().map(number -> String.valueOf(number))),
            Pair.of(2, Generate.pick(List.of("", " ", "0", "1", "-1", "50", "51", "100", "101", "365", "366",
                    "2147483648", "99999999999999999999", "1e3", "0x10", "NaN", "\u0000", "%00",
                    "00000000-0000-0000-0000-000000000000", "x".repeat(1500)))));

    @Inject
    EmbeddedServer server;

    @Test
    void any_value_of_any_parameter_gets_an_answer_never_a_5xx_and_a_bad_one_is_a_400_naming_it() {
        Gen<String> routes = Generate.pick(List.copyOf(ROUTES.keySet()));
        qt().withExamples(300).forAll(routes, Generate.pick(List.of(0, 1, 2)), ANY_VALUE)
                .checkAssert((route, index, value) -> {
                    List<String> parameters = ROUTES.get(route);
                    String parameter = parameters.get(index % parameters.size());
                    Answer answer = get(route + "?" + parameter + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
                    assertThat(answer.status()).as(answer.toString()).isIn(200, 400, 404);
                    if (bad(parameter, value)) {
                        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
                        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
                        assertThat(answer.body()).containsIgnoringCase(parameter);
                    }
                });
    }

    @Test
    void any_template_id_in_the_trend_path_is_a_404_or_a_400_never_a_5xx() {
        Gen<String> ids = strings().betweenCodePoints(0x21, 0x7e).ofLengthBetween(1, 40);
        qt().withExamples(200).forAll(ids).checkAssert(id -> {
            Answer answer = get("/api/v1/templates/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "/quality-trend");
            assertThat(answer.status()).as(answer.toString()).isIn(400, 404);
        });
    }

    private Answer get(String path) {
        return new LoopbackCaller("127.0.4.1", server.getPort()).get(path, root);
    }

    /** Whether a well-behaved server must refuse this value for this parameter. */
    private static boolean bad(String parameter, String value) {
        String text = value.strip();
        if (text.isEmpty()) {
            return false;
        }
        return switch (parameter) {
            case "page" -> !BadValues.number(value, 0, Integer.MAX_VALUE);
            case "size" -> !BadValues.number(value, 1, 100);
            case "recent" -> !BadValues.number(value, 1, 50);
            case "days" -> !BadValues.number(value, 1, 365);
            case "organizationId" -> !text.matches(
                    "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
            default -> throw new IllegalStateException(parameter);
        };
    }
}
