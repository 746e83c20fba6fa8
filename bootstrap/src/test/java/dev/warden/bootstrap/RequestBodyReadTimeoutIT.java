package dev.warden.bootstrap;

import static dev.warden.bootstrap.RawRequests.holding;
import static dev.warden.bootstrap.RawRequests.readUntilClosed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.adapters.web.server.RequestBodyBudget;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.Socket;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A caller cannot keep a share of the request body budget by sending its body slowly. */
@MicronautTest(transactional = false)
class RequestBodyReadTimeoutIT extends ApiTest {

    @Inject
    EmbeddedServer server;

    @Inject
    RequestBodyBudget budget;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("warden.server.body-read-timeout", "2s");
        return properties;
    }

    @Test
    void a_body_that_does_not_arrive_in_time_is_answered_408_and_its_bytes_given_back() throws IOException {
        try (Socket slow = holding(RawRequests.connect(server.getPort()), 1_000)) {
            Eventually.holds(() -> assertThat(budget.held()).isGreaterThanOrEqualTo(1_000));
            assertThat(readUntilClosed(slow)).startsWith("HTTP/1.1 408 ").contains("application/problem+json")
                    .contains("did not arrive in time");
        }
        Eventually.holds(() -> assertThat(budget.held()).isZero());
    }
}
