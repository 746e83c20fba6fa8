package dev.warden.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.warden.bootstrap.RawHttp.Answer;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every way a request can go wrong answers an RFC 7807 problem (application/problem+json) with type,
 * title, status and detail, and names the wrong fields when fields were wrong.
 */
@MicronautTest(transactional = false)
class ErrorResponsesIT extends ApiTest {

    private static final int LIMIT = 64 * 1024;

    @Inject
    JsonMapper json;

    private Answer send(HttpMethod method, String path, String token, String contentType, String body) {
        MutableHttpRequest<Object> request = HttpRequest.create(method, path);
        if (body != null) {
            request.body(body).contentType(contentType);
        }
        return RawHttp.exchange(http.toBlocking(), request, token);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> problem(Answer answer, int status) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.contentType()).as(answer.toString()).isEqualTo("application/problem+json");
        try {
            Map<String, Object> problem = json.readValue(answer.body(), Map.class);
            assertThat(problem).containsKeys("type", "title", "detail").containsEntry("status", status);
            return problem;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> fields(Map<String, Object> problem) {
        return ((List<Map<String, Object>>) problem.getOrDefault("fieldErrors", List.of())).stream()
                .map(f -> String.valueOf(f.get("field"))).toList();
    }

    @Test
    void unknown_routes_wrong_methods_and_wrong_media_types_are_problems() {
        problem(send(HttpMethod.GET, "/api/v1/nothing-here", root, null, null), 404);
        problem(send(HttpMethod.DELETE, "/api/v1/organizations", root, null, null), 405);
        problem(send(HttpMethod.POST, "/api/v1/organizations", root, MediaType.TEXT_PLAIN, "name=x"), 415);
    }

    @Test
    void broken_json_is_a_400_problem() {
        problem(send(HttpMethod.POST, "/api/v1/organizations", root, MediaType.APPLICATION_JSON, "{\"name\":"), 400);
        problem(send(HttpMethod.POST, "/login", null, MediaType.APPLICATION_JSON, "[1,"), 400);
    }

    @Test
    void a_form_body_with_a_broken_percent_escape_is_a_400_problem_that_does_not_echo_it() {
        // The login endpoint also reads forms; Netty's decoder refused "%zz" and the answer was a 500 (the fuzz walk's).
        Answer answer = send(HttpMethod.POST, "/login", null, MediaType.APPLICATION_FORM_URLENCODED,
                "username=someone&password=secret%zz");
        problem(answer, 400);
        assertThat(answer.body()).doesNotContain("secret");
    }

    @Test
    void a_wrong_body_field_is_named_in_field_errors() {
        Map<String, Object> blank = problem(send(HttpMethod.POST, "/api/v1/organizations", root,
                MediaType.APPLICATION_JSON, "{\"name\":\" \"}"), 400);
        assertThat(fields(blank)).containsExactly("name");

        String org = api.post("/api/v1/organizations", root, Map.of("name", "Field errors")).text("id");
        Map<String, Object> user = problem(send(HttpMethod.POST, "/api/v1/organizations/" + org + "/users", root,
                MediaType.APPLICATION_JSON, "{\"username\":\"ab\",\"password\":\"short\",\"role\":\"VIEWER\"}"), 400);
        assertThat(fields(user)).containsExactly("password", "username");
    }

    @Test
    void a_wrong_query_parameter_is_named_in_field_errors() {
        assertThat(fields(problem(send(HttpMethod.GET, "/api/v1/templates?status=SHINY", root, null, null), 400)))
                .containsExactly("status");
        assertThat(fields(problem(send(HttpMethod.GET, "/api/v1/alerts?size=1000", root, null, null), 400)))
                .containsExactly("size");
        assertThat(fields(problem(send(HttpMethod.GET, "/api/v1/templates?organizationId=x", root, null, null), 400)))
                .containsExactly("organizationId");
        Map<String, Object> notANumber = problem(send(HttpMethod.GET, "/api/v1/templates?page=abc", root, null, null),
                400);
        assertThat(notANumber.get("detail").toString()).contains("page");
    }

    @Test
    void page_and_size_of_any_value_are_200_or_a_400_naming_the_parameter() {
        qt().withExamples(60).forAll(integers().between(-5, 205), integers().between(-5, 205))
                .checkAssert((page, size) -> {
                    Answer answer = send(HttpMethod.GET, "/api/v1/alerts?page=" + page + "&size=" + size, root,
                            null, null);
                    if (page >= 0 && size >= 1 && size <= 100) {
                        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
                    } else {
                        assertThat(fields(problem(answer, 400))).containsAnyOf("page", "size");
                    }
                });
    }

    @Test
    void missing_tokens_wrong_roles_and_conflicts_are_problems() {
        problem(send(HttpMethod.GET, "/api/v1/templates", null, null, null), 401);
        String org = api.post("/api/v1/organizations", root, Map.of("name", "Problems of roles")).text("id");
        String body = "{\"username\":\"problem_viewer\",\"password\":\"long enough password\",\"role\":\"VIEWER\"}";
        send(HttpMethod.POST, "/api/v1/organizations/" + org + "/users", root, MediaType.APPLICATION_JSON, body);
        String viewer = api.login("problem_viewer", "long enough password");
        problem(send(HttpMethod.POST, "/api/v1/organizations", viewer, MediaType.APPLICATION_JSON, "{\"name\":\"x\"}"),
                403);
        problem(send(HttpMethod.POST, "/api/v1/organizations/" + org + "/users", root, MediaType.APPLICATION_JSON,
                body), 409);
    }

    @Test
    void a_body_over_the_api_limit_is_a_413_problem_before_anything_reads_it() {
        String large = "{\"name\":\"" + "x".repeat(LIMIT) + "\"}";
        problem(send(HttpMethod.POST, "/api/v1/organizations", root, MediaType.APPLICATION_JSON, large), 413);
        problem(send(HttpMethod.POST, "/login", null, MediaType.APPLICATION_JSON, large), 413);
        assertThat(send(HttpMethod.POST, "/api/v1/organizations", null, MediaType.APPLICATION_JSON, large).status())
                .as("nobody learns anything more by sending a large body without a token").isIn(401, 413);
    }

    @Test
    void bodies_of_any_size_up_to_the_limit_are_read_and_beyond_it_refused() {
        qt().withExamples(20).forAll(integers().between(LIMIT - 64, LIMIT + 64)).checkAssert(length -> {
            String padding = "x".repeat(length - "{\"name\":\"\"}".length());
            Answer answer = send(HttpMethod.POST, "/api/v1/organizations", root, MediaType.APPLICATION_JSON,
                    "{\"name\":\"" + padding + "\"}");
            if (length > LIMIT) {
                problem(answer, 413);
            } else {
                assertThat(answer.status()).as("%d bytes: %s", length, answer).isEqualTo(400);
                assertThat(fields(problem(answer, 400))).containsExactly("name");
            }
        });
    }
}
