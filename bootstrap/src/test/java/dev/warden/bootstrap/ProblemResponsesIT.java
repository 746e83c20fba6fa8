package dev.warden.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.bootstrap.ApiClient.Reply;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a caller gets when something goes wrong: its own mistakes are 4xx problems that say what was wrong,
 * Warden's defects are 500 problems that say nothing internal, and routes answer as routes should.
 */
@MicronautTest(transactional = false)
class ProblemResponsesIT extends ApiTest {

    @Test
    void an_unexpected_illegal_argument_is_a_500_without_its_message() {
        for (String path : new String[] {"/test-only/defects/illegal-argument", "/test-only/defects/illegal-state"}) {
            Reply reply = api.get(path, root);

            assertThat(reply.status()).as(path).isEqualTo(500);
            assertThat(reply.contentType()).isEqualTo("application/problem+json");
            assertThat(reply.text("detail")).contains("server log").doesNotContain("row 42");
            assertThat(reply.body().toString()).doesNotContain("row 42").doesNotContain("Exception");
        }
    }

    @Test
    void a_value_object_refusing_a_caller_value_is_still_a_400_naming_the_rule() {
        Reply reply = api.get("/api/v1/templates/not-a-uuid", root);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.text("detail")).contains("must be a UUID");
        assertThat(api.get("/api/v1/templates?status=SHINY", root).text("detail")).contains("status must be one of");
    }

    @Test
    void an_unknown_route_is_404_for_a_signed_in_caller() {
        Reply reply = api.get("/api/v1/no-such-thing", root);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.contentType()).isEqualTo("application/problem+json");
        assertThat(api.get("/no-such-page", root).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/no-such-thing", root, Map.of()).status()).isEqualTo(404);
    }

    @Test
    void an_anonymous_caller_gets_401_on_the_api_whether_or_not_the_route_exists() {
        assertThat(api.get("/api/v1/templates", null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/no-such-thing", null).status())
                .as("anonymous callers learn nothing about which API routes exist").isEqualTo(401);
    }

    @Test
    void a_known_route_with_the_wrong_role_is_still_403() {
        String org = api.post("/api/v1/organizations", root, Map.of("name", "Problem responses org")).text("id");
        api.post("/api/v1/organizations/" + org + "/users", root,
                Map.of("username", "viewer_problems", "password", "long enough password", "role", "VIEWER"));
        String viewer = api.login("viewer_problems", "long enough password");

        assertThat(api.post("/api/v1/organizations", viewer, Map.of("name", "Not allowed")).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/webhooks/dead-letters", viewer).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/no-such-thing", viewer).status()).isEqualTo(404);
    }
}
