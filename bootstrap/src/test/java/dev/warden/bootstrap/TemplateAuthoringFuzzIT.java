package dev.warden.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bodies of the template authoring routes, tried with arbitrary JSON and with valid bodies broken
 * in one place: any of them is answered 2xx or a 4xx problem, never a 5xx (a 5xx tells operators
 * Warden is broken, and hides the caller's mistake).
 */
@MicronautTest(transactional = false)
class TemplateAuthoringFuzzIT extends ApiTest {

    private AuthoringTenant tenant;
    private String draft;

    @BeforeAll
    void tenant() {
        tenant = new AuthoringTenant(api, root);
        draft = tenant.draft("fuzz_target");
    }

    private static final Map<String, Object> PREVIEW = Map.of("header", Map.of("order_id", "A-1"),
            "body", Map.of("first_name", "Ana", "order_id", "A-1"), "buttons", Map.of("0", "A-1"));
    private static final Map<String, Object> VALIDATE = Map.of("text", "Hi {{1}}, your code works today.",
            "parameterFormat", "POSITIONAL", "component", "BODY", "examples", Map.of("1", "Ana"));

    @Test
    void any_create_body_is_answered_2xx_or_a_4xx_problem() {
        qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            RandomJson random = new RandomJson(seed);
            // Unique names keep the answer about the body, not about a name an earlier example took.
            Map<String, Object> valid = AuthoringTenant.orderUpdate("fuzz_" + Long.toUnsignedString(seed, 36));
            Object body = random.chance(5) ? random.value(3) : random.mutate(valid);
            assertAnswered("POST", "/api/v1/templates", tenant.admin, RandomJson.write(body));
        });
    }

    @Test
    void any_edit_body_is_answered_2xx_or_a_4xx_problem() {
        qt().withExamples(150).forAll(longs().all()).checkAssert(seed -> {
            RandomJson random = new RandomJson(seed);
            Object body = random.chance(5) ? random.value(3) : random.mutate(AuthoringTenant.orderUpdate("fuzz_target"));
            assertAnswered("PUT", "/api/v1/templates/" + draft, tenant.admin, RandomJson.write(body));
        });
    }

    @Test
    void any_detect_validate_or_preview_body_is_answered_2xx_or_a_4xx_problem() {
        qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            RandomJson random = new RandomJson(seed);
            int route = random.pick(new Integer[] {0, 1, 2});
            Map<String, Object> valid = List.of(Map.<String, Object>of("text", "Hello {{name}} there"), VALIDATE,
                    PREVIEW).get(route);
            String path = List.of("/api/v1/templates/parameters/detect", "/api/v1/templates/parameters/validate",
                    "/api/v1/templates/" + draft + "/preview").get(route);
            Object body = random.chance(4) ? random.value(3) : random.mutate(valid);
            assertAnswered("POST", path, tenant.viewer, RandomJson.write(body));
        });
    }

    @Test
    void broken_json_is_a_400_problem() {
        String valid = RandomJson.write(AuthoringTenant.orderUpdate("broken_json"));
        for (int cut = 0; cut < valid.length(); cut += 7) {
            int status = assertAnswered("POST", "/api/v1/templates", tenant.admin, valid.substring(0, cut));
            assertThat(status).as(valid.substring(0, cut)).isEqualTo(400);
        }
    }

    private int assertAnswered(String method, String path, String token, String json) {
        MutableHttpRequest<String> request = HttpRequest.create(io.micronaut.http.HttpMethod.valueOf(method), path)
                .body(json).contentType("application/json").bearerAuth(token);
        try {
            HttpResponse<String> response = http.toBlocking().exchange(request, Argument.STRING);
            assertThat(response.code()).as(json).isBetween(200, 299);
            return response.code();
        } catch (HttpClientResponseException e) {
            String body = e.getResponse().getBody(String.class).orElse("");
            assertThat(e.code()).as(json + " -> " + body).isBetween(400, 499);
            assertThat(e.getResponse().getContentType().map(Object::toString)).as(json).contains("application/problem+json");
            return e.code();
        }
    }
}
