package dev.warden.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.warden.bootstrap.LoopbackCaller.Answer;
import dev.warden.domain.alert.AlertSeverity;
import dev.warden.domain.alert.AlertSortField;
import dev.warden.domain.alert.AlertState;
import dev.warden.domain.alert.AlertType;
import dev.warden.domain.campaign.CampaignSortField;
import dev.warden.domain.campaign.CampaignStatus;
import dev.warden.domain.campaign.HoldCause;
import dev.warden.domain.shared.SortField;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The query parameters of the admin lists and the body of PATCH allow-category-change, tried with
 * arbitrary values: a caller's bad value is a 400 problem naming what was wrong, never a 5xx.
 */
@MicronautTest(transactional = false)
class AdminListPropertiesIT extends ApiTest {

    private static final String UUID_PATTERN =
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    /** Values a careless or hostile client might send: any text, numbers at the edges, plausible values. */
    private static final Gen<String> ANY_VALUE = Generate.frequency(
            Pair.of(3, strings().allPossible().ofLengthBetween(0, 40)),
            Pair.of(2, integers().all().map(number -> String.valueOf(number))),
            Pair.of(3, Generate.pick(List.of("", " ", "0", "-1", "100", "101", "2147483648", "open", " HIGH ",
                    "TEMPLATE_PAUSED", "running", "MANUAL", "category_change", "-severity", "name", "-", "1e3", "NaN", "\u0000", "%00",
                    "00000000-0000-0000-0000-000000000000", "x".repeat(1500)))));

    @Inject
    EmbeddedServer server;

    private Tenant tenant;
    private Map<String, List<String>> routes;

    @BeforeAll
    void tenant() {
        tenant = new Tenant(api, root, "740001");
        routes = Map.of(
                "/api/v1/alerts", List.of("page", "size", "organizationId", "state", "severity", "type", "templateId",
                        "sort"),
                "/api/v1/campaigns", List.of("page", "size", "organizationId", "status", "templateId", "holdCause",
                        "sort"),
                "/api/v1/templates/" + tenant.templateId + "/campaigns", List.of("page", "size", "status", "holdCause"),
                "/api/v1/templates/category-changes", List.of("page", "size", "organizationId"),
                "/api/v1/templates/archival-outlook", List.of("withinDays", "organizationId"),
                "/api/v1/organizations", List.of("page", "size"),
                "/api/v1/organizations/" + tenant.org + "/users", List.of("page", "size"),
                "/api/v1/organizations/" + tenant.org + "/whatsapp-accounts", List.of("page", "size"));
    }

    @Test
    void any_values_of_two_parameters_get_200_or_400_never_a_5xx() {
        qt().withExamples(300).forAll(Generate.pick(List.copyOf(routes.keySet())), integers().between(0, 63),
                        ANY_VALUE, ANY_VALUE)
                .checkAssert((route, pair, firstValue, secondValue) -> {
                    Answer answer = get(route + "?" + query(parameter(route, pair % 8), firstValue)
                            + "&" + query(parameter(route, pair / 8), secondValue));
                    assertThat(answer.status()).as(answer.toString()).isIn(200, 400);
                });
    }

    @Test
    void a_bad_value_is_a_400_problem_that_names_the_parameter() {
        Gen<BadQuery> badQueries = Generate.pick(List.copyOf(routes.keySet())).zip(integers().between(0, 7),
                        (route, index) -> new BadQuery(route, parameter(route, index), ""))
                .flatMap(query -> badValue(query.parameter).map(value -> new BadQuery(query.route, query.parameter, value)));
        qt().withExamples(300).forAll(badQueries).checkAssert(wrong -> {
            assertThat(bad(wrong.route, wrong.parameter, wrong.value)).as("generated bad value %s", wrong).isTrue();
            Answer answer = get(wrong.route + "?" + query(wrong.parameter, wrong.value));
            assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
            assertThat(answer.body()).containsIgnoringCase(wrong.parameter);
        });
    }

    @Test
    void raw_query_strings_with_broken_escapes_never_get_a_5xx() {
        Gen<String> raw = strings().betweenCodePoints(0x21, 0x7e).ofLengthBetween(0, 30).map(s -> s.replace("#", "%"));
        qt().withExamples(200).forAll(Generate.pick(List.copyOf(routes.keySet())), integers().between(0, 7), raw)
                .checkAssert((route, index, value) -> {
                    Answer answer = get(route + "?" + parameter(route, index) + "=" + value);
                    assertThat(answer.status()).as(answer.toString()).isLessThan(500);
                });
    }

    @Test
    void any_allow_category_change_body_gets_200_or_400_only_a_boolean_is_applied() {
        String path = "/api/v1/templates/" + tenant.templateId + "/allow-category-change";
        Gen<String> bodies = Generate.frequency(
                Pair.of(3, strings().allPossible().ofLengthBetween(0, 40)),
                Pair.of(3, ANY_VALUE.map(value -> "{\"allow\":" + value + "}")),
                Pair.of(2, ANY_VALUE.map(value -> "{\"allow\":\"" + value.replace("\\", "").replace("\"", "") + "\"}")),
                Pair.of(1, Generate.pick(List.of("{\"allow\":true,\"allow\":false}", "{\"allow\":true,\"extra\":1}",
                        "{\"ALLOW\":true}", "{\"allow\":1}", "{\"allow\":0}", "{\"allow\":\"true\"}", "null",
                        "{\"allow\":true}}", "{" .repeat(2000)))));
        qt().withExamples(250).forAll(bodies).checkAssert(body -> {
            ApiClient.Reply reply = api.patchRaw(path, tenant.admin, body);
            assertThat(reply.status()).as(body + " -> " + reply).isIn(200, 400);
        });
        qt().withExamples(100).forAll(ANY_VALUE).checkAssert(value -> {
            // A well-formed JSON string: no quote, backslash or control character to escape.
            String body = "{\"allow\":\"" + value.replaceAll("[\\p{Cntrl}\\\\\"]", "") + "\"}";
            ApiClient.Reply reply = api.patchRaw(path, tenant.admin, body);
            assertThat(reply.status()).as(body + " -> " + reply).isEqualTo(400);
            assertThat(reply.text("detail")).as(body).contains("allow");
        });
        qt().withExamples(20).forAll(booleans().all()).checkAssert(allow -> {
            ApiClient.Reply reply = api.patchRaw(path, tenant.admin, "{\"allow\":" + allow + "}");
            assertThat(reply.body()).containsEntry("allowCategoryChange", allow);
        });
    }

    private String parameter(String route, int index) {
        List<String> parameters = routes.get(route);
        return parameters.get(index % parameters.size());
    }

    private Answer get(String pathAndQuery) {
        return new LoopbackCaller("127.0.4.1", server.getPort()).get(pathAndQuery, root);
    }

    private static String query(String parameter, String value) {
        return parameter + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A route with one of its parameters and a value it must refuse. */
    private record BadQuery(String route, String parameter, String value) {
    }

    /** Values this parameter must refuse, made bad by construction. */
    private static Gen<String> badValue(String parameter) {
        switch (parameter) {
            case "page":
                return BadValues.notANumberBetween(0, Integer.MAX_VALUE);
            case "size":
                return BadValues.notANumberBetween(1, 100);
            case "withinDays":
                return BadValues.notANumberBetween(1, 365);
            case "state":
            case "severity":
            case "type":
            case "status":
            case "holdCause":
                return BadValues.notOneOf();
            case "organizationId":
            case "templateId":
                return BadValues.notAUuid();
            case "sort":
                return BadValues.notOneOf();
            default:
                throw new IllegalStateException(parameter);
        }
    }

    /** Whether the value is one a well-behaved server must refuse for this parameter (the generator's check). */
    private static boolean bad(String route, String parameter, String value) {
        String text = value.strip();
        if (text.isEmpty()) {
            return false;
        }
        String upper = text.toUpperCase(Locale.ROOT);
        switch (parameter) {
            case "page":
                return !BadValues.number(value, 0, Integer.MAX_VALUE);
            case "size":
                return !BadValues.number(value, 1, 100);
            case "withinDays":
                return !BadValues.number(value, 1, 365);
            case "state":
                return !BadValues.names(AlertState.values()).contains(upper);
            case "severity":
                return !BadValues.names(AlertSeverity.values()).contains(upper);
            case "type":
                return !BadValues.names(AlertType.values()).contains(upper);
            case "status":
                return !BadValues.names(CampaignStatus.values()).contains(upper);
            case "holdCause":
                return !BadValues.names(HoldCause.values()).contains(upper);
            case "organizationId":
            case "templateId":
                return !text.matches(UUID_PATTERN);
            case "sort":
                return !sortNames(route).contains(text.startsWith("-") ? text.substring(1) : text);
            default:
                throw new IllegalStateException(parameter);
        }
    }

    /** The fields a route may be sorted by. */
    private static Set<String> sortNames(String route) {
        SortField<?>[] fields = route.equals("/api/v1/alerts") ? AlertSortField.values() : CampaignSortField.values();
        return Arrays.stream(fields).map(SortField::apiName).collect(Collectors.toSet());
    }
}
