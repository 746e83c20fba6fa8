package dev.warden.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.bootstrap.ApiClient.Reply;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Guessing passwords is slowed down: after a few failures from one address, logins answer 429 for a while. */
@MicronautTest(transactional = false)
class LoginThrottleIT extends ApiTest {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("warden.login.max-failures", "3");
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
}
