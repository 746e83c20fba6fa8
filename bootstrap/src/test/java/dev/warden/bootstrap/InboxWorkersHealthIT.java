package dev.warden.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code /health} names an inbox worker that stopped and says DOWN. */
@MicronautTest(transactional = false)
class InboxWorkersHealthIT extends ApiTest {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("warden.inbox.workers.threads", "2");
        properties.put("endpoints.health.details-visible", "AUTHENTICATED");
        return properties;
    }

    @Test
    @SuppressWarnings("unchecked")
    void health_is_down_and_names_an_inbox_worker_that_stopped() {
        assertThat(api.get("/health", root).status()).isEqualTo(200);
        Thread worker = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("inbox-worker-")).findFirst().orElseThrow();

        worker.interrupt();

        Eventually.holds(() -> {
            ApiClient.Reply health = api.get("/health", root);
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.body()).containsEntry("status", "DOWN");
            Map<String, Object> indicator = (Map<String, Object>) ((Map<String, Object>) health.body().get("details"))
                    .get("inboxWorkers");
            assertThat(indicator).containsEntry("status", "DOWN");
            assertThat(((Map<String, Object>) indicator.get("details")).get("stopped").toString())
                    .contains(worker.getName());
        });
    }
}
