package dev.warden.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.bootstrap.ApiClient.Reply;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** End to end through HTTP on embedded PostgreSQL: login, roles, tenants, and problem responses. */
@MicronautTest(transactional = false)
class AdministrationApiIT extends ApiTest {

    private String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    private String organization(String name) {
        Reply created = api.post("/api/v1/organizations", root, Map.of("name", name));
        assertThat(created.status()).isEqualTo(201);
        return created.text("id");
    }

    private String userToken(String orgId, String role) {
        String username = unique(role.toLowerCase() + "_");
        assertThat(api.post("/api/v1/organizations/" + orgId + "/users", root,
                Map.of("username", username, "password", "long enough password", "role", role)).status())
                .isEqualTo(201);
        return api.login(username, "long enough password");
    }

    @Test
    void health_is_up_without_a_token() {
        assertThat(api.get("/health", null).status()).isEqualTo(200);
    }

    @Test
    void login_refuses_a_wrong_password_with_401() {
        Reply reply = api.post("/login", null, Map.of("username", TestPostgres.ROOT_USERNAME, "password", "wrong"));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.body()).doesNotContainKey("access_token");
    }

    @Test
    void a_super_admin_creates_an_organization() {
        Reply reply = api.post("/api/v1/organizations", root, Map.of("name", "Acme Retail"));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.text("name")).isEqualTo("Acme Retail");
        assertThat(UUID.fromString(reply.text("id"))).isNotNull();
    }

    @Test
    void admin_endpoints_need_a_token_and_the_right_role() {
        String org = organization("Roles Inc");
        String viewer = userToken(org, "VIEWER");
        String orgAdmin = userToken(org, "ORG_ADMIN");

        assertThat(api.post("/api/v1/organizations", null, Map.of("name", "x")).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/organizations", viewer, Map.of("name", "x")).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/organizations", orgAdmin, Map.of("name", "x")).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/organizations/" + org + "/whatsapp-accounts", null,
                Map.of("wabaId", "1", "name", "x")).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/organizations/" + org + "/whatsapp-accounts", viewer,
                Map.of("wabaId", "1", "name", "x")).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/organizations/" + org + "/users", null,
                Map.of("username", "nobody1", "password", "long enough password", "role", "VIEWER")).status())
                .isEqualTo(401);
        assertThat(api.post("/api/v1/organizations/" + org + "/users", viewer,
                Map.of("username", "nobody2", "password", "long enough password", "role", "VIEWER")).status())
                .isEqualTo(403);
    }

    @Test
    void a_waba_belongs_to_one_organization() {
        String acme = organization("Waba Owner");
        String globex = organization("Waba Thief");
        String wabaId = String.valueOf(100_000_000_000_000L + (long) (Math.random() * 1e12));

        Reply registered = api.post("/api/v1/organizations/" + acme + "/whatsapp-accounts", root,
                Map.of("wabaId", wabaId, "name", "Main line"));
        Reply stolen = api.post("/api/v1/organizations/" + globex + "/whatsapp-accounts", root,
                Map.of("wabaId", wabaId, "name", "Main line"));

        assertThat(registered.status()).isEqualTo(201);
        assertThat(registered.text("wabaId")).isEqualTo(wabaId);
        assertThat(registered.text("organizationId")).isEqualTo(acme);
        assertThat(stolen.status()).isEqualTo(409);
        assertThat(stolen.contentType()).isEqualTo("application/problem+json");
        assertThat(stolen.text("detail")).contains(wabaId).contains("already registered");
        assertThat(api.post("/api/v1/organizations/" + UUID.randomUUID() + "/whatsapp-accounts", root,
                Map.of("wabaId", "77", "name", "x")).status()).isEqualTo(404);
    }

    @Test
    void an_organization_admin_creates_users_of_their_own_organization_only() {
        String acme = organization("Own Users");
        String other = organization("Other Users");
        String admin = userToken(acme, "ORG_ADMIN");
        String username = unique("colleague_");

        Reply created = api.post("/api/v1/organizations/" + acme + "/users", admin,
                Map.of("username", username, "password", "long enough password", "role", "VIEWER"));
        Reply elsewhere = api.post("/api/v1/organizations/" + other + "/users", admin,
                Map.of("username", unique("intruder_"), "password", "long enough password", "role", "VIEWER"));
        Reply again = api.post("/api/v1/organizations/" + acme + "/users", root,
                Map.of("username", username, "password", "long enough password", "role", "VIEWER"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body()).containsEntry("role", "VIEWER").containsEntry("organizationId", acme)
                .doesNotContainKeys("password", "passwordHash");
        assertThat(elsewhere.status()).isEqualTo(403);
        assertThat(again.status()).isEqualTo(409);
        assertThat(api.login(username, "long enough password")).isNotBlank();
    }

    @Test
    void bad_input_gets_a_problem_body_and_never_a_500() {
        String org = organization("Bad Input");
        Map<String, Reply> replies = Map.of(
                "blank name", api.post("/api/v1/organizations", root, Map.of("name", " ")),
                "missing body field", api.postRaw("/api/v1/organizations", root, "{}"),
                "broken JSON", api.postRaw("/api/v1/organizations", root, "{\"name\":"),
                "id that is no UUID", api.post("/api/v1/organizations/not-a-uuid/users", root,
                        Map.of("username", "someone", "password", "long enough password", "role", "VIEWER")),
                "unknown role", api.post("/api/v1/organizations/" + org + "/users", root,
                        Map.of("username", "someone", "password", "long enough password", "role", "OWNER")),
                "short password", api.post("/api/v1/organizations/" + org + "/users", root,
                        Map.of("username", "someone", "password", "short", "role", "VIEWER")),
                "letters in a WABA id", api.post("/api/v1/organizations/" + org + "/whatsapp-accounts", root,
                        Map.of("wabaId", "12ab", "name", "x")),
                "bad username", api.post("/api/v1/organizations/" + org + "/users", root,
                        Map.of("username", "no spaces allowed", "password", "long enough password", "role", "VIEWER")));

        replies.forEach((input, reply) -> {
            assertThat(reply.status()).as(input).isEqualTo(400);
            assertThat(reply.contentType()).as(input).isEqualTo("application/problem+json");
            assertThat(reply.text("detail")).as(input).isNotBlank();
            assertThat(reply.body()).as(input).containsEntry("status", 400);
        });
    }
}
