package dev.warden.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.bootstrap.ApiClient.Reply;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** /health: the plain status for anyone, the details for signed-in callers, and never a secret. */
@MicronautTest(transactional = false)
class HealthIT extends ApiTest {

    @Test
    void anonymous_callers_get_the_status_only() {
        Reply health = api.get("/health", null);

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.text("status")).isEqualTo("UP");
        assertThat(health.body().get("details")).as("no details for anonymous callers").isNull();
    }

    @Test
    void signed_in_callers_see_the_details_without_any_secret() {
        Reply health = api.get("/health", root);

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.text("status")).isEqualTo("UP");
        assertThat(details(health)).containsKeys("jdbc", MetaWebhookSecrets.NAME);
        assertThat(details(health).get(MetaWebhookSecrets.NAME).toString()).contains("2 secrets set")
                .doesNotContain(MetaWebhooks.APP_SECRET).doesNotContain(MetaWebhooks.OLD_APP_SECRET)
                .doesNotContain(MetaWebhooks.VERIFY_TOKEN);
    }

    @Test
    void liveness_asks_only_whether_a_restart_would_help_and_readiness_checks_the_rest() {
        Reply liveness = api.get("/health/liveness", root);
        Reply readiness = api.get("/health/readiness", root);

        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.text("status")).isEqualTo("UP");
        assertThat(details(liveness)).containsKey("inboxWorkers").doesNotContainKeys("jdbc", "inbox");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.text("status")).isEqualTo("UP");
        assertThat(details(readiness)).containsKeys("jdbc", "inbox", "intake").doesNotContainKey("inboxWorkers");
        assertThat(details(readiness).get("intake").toString()).contains("taken in");
        assertThat(details(readiness).get("inbox").toString()).contains("lagSeconds").contains("pending");
        assertThat(api.get("/health/readiness", null).body().get("details")).as("anonymous: status only").isNull();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> details(Reply health) {
        return (Map<String, Object>) health.body().get("details");
    }
}
