package dev.warden.bootstrap;

import static dev.warden.bootstrap.RawRequests.holding;
import static dev.warden.bootstrap.RawRequests.readUntilClosed;
import static dev.warden.bootstrap.RawRequests.send;
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

/** A caller cannot keep a connection, or a share of the request body budget, by sending a request slowly. */
@MicronautTest(transactional = false)
class RequestReadTimeoutIT extends ApiTest {

    private static final long TIMEOUT_MILLIS = 2_000;

    @Inject
    EmbeddedServer server;

    @Inject
    RequestBodyBudget budget;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("warden.server.request-read-timeout", TIMEOUT_MILLIS + "ms");
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

    @Test
    void a_head_that_does_not_arrive_in_time_closes_the_connection() throws IOException {
        try (Socket slow = RawRequests.connect(server.getPort())) {
            slow.setSoTimeout(10_000);
            send(slow, "POST /webhooks/meta HTTP/1.1\r\nHost: localhost\r\n");
            assertThat(readUntilClosed(slow)).as("nothing to answer: the head never came whole").isEmpty();
        }
    }

    @Test
    void a_keep_alive_connection_idle_past_the_timeout_after_a_stray_line_break_still_answers() throws Exception {
        try (Socket kept = RawRequests.connect(server.getPort())) {
            send(kept, "GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n");
            assertThat(RawRequests.readOneAnswer(kept)).startsWith("HTTP/1.1 ");
            send(kept, "\r\n");
            Thread.sleep(2 * TIMEOUT_MILLIS);
            send(kept, "GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertThat(readUntilClosed(kept)).as("the second request on the idle connection").startsWith("HTTP/1.1 ");
        }
    }

    @Test
    void a_live_feed_sends_no_heads_and_outlives_the_timeout() throws InterruptedException {
        TestOrganization tenant = TestOrganization.create(api, root, "Live");
        String ticket = api.post("/api/v1/ws-tickets", tenant.admin(), Map.of()).text("ticket");
        try (LiveFeed feed = LiveFeed.open(server.getURL().toString(), "?ticket=" + ticket)) {
            feed.say("still here");
            Thread.sleep(2 * TIMEOUT_MILLIS);
            byte[] body = MetaWebhooks.bytes(MetaWebhooks.status(tenant.waba(), 1000, MetaWebhooks.randomWaba(),
                    "APPROVED"));
            assertThat(api.postWebhook(body, MetaWebhooks.sign(body)).status()).isEqualTo(200);
            Eventually.holds(() -> assertThat(feed.messages).anySatisfy(m -> assertThat(m).contains(tenant.org())));
            assertThat(feed.closedWith).isNull();
            assertThat(feed.broken).isNull();
        }
    }
}
