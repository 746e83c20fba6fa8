package dev.warden.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.bootstrap.ApiClient.Reply;
import dev.warden.bootstrap.LoopbackCaller.Answer;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Guessing passwords is slowed down: after a few failures from one address, or against one
 * username, logins answer 429 for a while, whatever path reaches the login action.
 * Each test plays its own client addresses (127.0.0.x), so one test's failures do not block another.
 */
@MicronautTest(transactional = false)
class LoginThrottleIT extends ApiTest {

    private static final String PASSWORD = "long enough password";

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("warden.login.max-failures", "3");
        properties.put("warden.login.max-failures-per-username", "3");
        return properties;
    }

    @Test
    void repeated_failures_are_refused_with_429_even_with_the_right_password() {
        for (int i = 0; i < 3; i++) {
            assertThat(api.post("/login", null, Map.of("username", "root", "password", "guess " + i)).status())
                    .isEqualTo(401);
        }

        Reply refused = api.post("/login", null, Map.of("username", TestPostgres.ROOT_USERNAME,
                "password", TestPostgres.ROOT_PASSWORD));

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.contentType()).isEqualTo("application/problem+json");
        assertThat(refused.text("detail")).contains("too many failed logins");
        assertThat(api.get("/api/v1/templates", root).status()).as("tokens already issued still work").isEqualTo(200);
    }

    @Test
    void a_trailing_slash_reaches_the_same_login_and_the_same_throttle() {
        String username = user();
        LoopbackCaller client = new LoopbackCaller("127.0.0.2", server.getPort());
        assertThat(client.login("/login/", username, PASSWORD).status()).as("the router maps /login/ to login")
                .isEqualTo(200);

        for (int i = 0; i < 3; i++) {
            assertThat(client.login("/login/", "nobody" + i, "guess").status()).isEqualTo(401);
        }

        Answer refused = client.login("/login/", username, PASSWORD);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).matches("[1-9][0-9]*");
        assertThat(refused.body()).contains("too many failed logins");
        assertThat(client.login("/login", username, PASSWORD).status()).isEqualTo(429);
    }

    @Test
    void guessing_one_username_from_many_addresses_is_refused_too() {
        String victim = user();
        for (int i = 0; i < 3; i++) {
            LoopbackCaller attacker = new LoopbackCaller("127.0.1." + (i + 1), server.getPort());
            assertThat(attacker.login("/login", victim, "guess " + i).status()).isEqualTo(401);
        }

        LoopbackCaller fresh = new LoopbackCaller("127.0.1.100", server.getPort());
        Answer refused = fresh.login("/login", victim, PASSWORD);
        assertThat(refused.status()).as("the username's budget is used up").isEqualTo(429);
        assertThat(refused.header("Retry-After")).matches("[1-9][0-9]*");
        assertThat(fresh.login("/login", user(), PASSWORD).status()).as("other users are not slowed down")
                .isEqualTo(200);
    }

    private String user() {
        String username = "user_" + UUID.randomUUID().toString().substring(0, 8);
        String org = api.post("/api/v1/organizations", root, Map.of("name", "Org " + username)).text("id");
        Reply created = api.post("/api/v1/organizations/" + org + "/users", root,
                Map.of("username", username, "password", PASSWORD, "role", "VIEWER"));
        assertThat(created.status()).isEqualTo(201);
        return username;
    }
}
