package dev.warden.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.adapters.persistence.GroupCommitDeliveryStore;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A stopped delivery writer is visible: /health is DOWN and names it, and Meta's deliveries get a 503 to retry. */
@MicronautTest(transactional = false)
class DeliveryWriterHealthIT extends ApiTest {

    @Inject
    GroupCommitDeliveryStore deliveries;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("endpoints.health.details-visible", "AUTHENTICATED");
        return properties;
    }

    @Test
    void health_is_down_and_names_the_writer_once_it_stopped() throws InterruptedException {
        assertThat(api.get("/health", root).body()).containsEntry("status", "UP");

        deliveries.close();

        ApiClient.Reply anonymous = api.get("/health", null);
        assertThat(anonymous.status()).isEqualTo(503);
        assertThat(anonymous.body()).containsEntry("status", "DOWN");
        ApiClient.Reply detailed = api.get("/health", root);
        assertThat(detailed.body().get("details").toString()).contains("webhook-delivery-writer={name=warden, status=DOWN")
                .contains("writing=false");
        byte[] body = MetaWebhooks.bytes(MetaWebhooks.status(MetaWebhooks.randomWaba(), 1000, "1", "APPROVED"));
        assertThat(api.postWebhook(body, MetaWebhooks.sign(body)).status()).isEqualTo(503);
    }
}
