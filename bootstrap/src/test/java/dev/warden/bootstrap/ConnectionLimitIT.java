package dev.warden.bootstrap;

import static dev.warden.bootstrap.RawRequests.readUntilClosed;
import static dev.warden.bootstrap.RawRequests.send;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.adapters.web.server.ConnectionLimit;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.Socket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Connections beyond the limit are closed on arrival, and a connection that closes makes room again. */
@MicronautTest(transactional = false)
class ConnectionLimitIT extends ApiTest {

    private static final int MAX = 6;

    @Inject
    EmbeddedServer server;

    @Inject
    ConnectionLimit limit;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("warden.server.max-connections", String.valueOf(MAX));
        return properties;
    }

    private Socket connect() {
        return RawRequests.connect(server.getPort());
    }

    @Test
    void a_connection_beyond_the_limit_is_closed_unanswered_until_one_closes() throws IOException {
        List<Socket> held = new ArrayList<>();
        // The test's own HTTP client may keep connections of its own: fill what is left.
        int before = limit.open();
        try {
            for (int i = before; i < MAX; i++) {
                held.add(connect());
                int opened = held.size();
                Eventually.holds(() -> assertThat(limit.open()).isEqualTo(before + opened));
            }
            long refusedBefore = limit.refused();
            try (Socket beyond = connect()) {
                send(beyond, "GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
                assertThat(readUntilClosed(beyond)).as("closed without an answer").isEmpty();
            }
            assertThat(limit.refused()).isEqualTo(refusedBefore + 1);
            assertThat(limit.open()).isEqualTo(MAX);

            held.remove(0).close();
            Eventually.holds(() -> assertThat(limit.open()).isLessThan(MAX));
            try (Socket again = connect()) {
                send(again, "GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
                assertThat(readUntilClosed(again)).as("room again").startsWith("HTTP/1.1 ");
            }
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
        Eventually.holds(() -> assertThat(limit.open()).as("every connection counted out").isEqualTo(before));
    }
}
