package dev.warden.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.adapters.web.security.PasswordHashingSlots;
import dev.warden.bootstrap.ApiClient.Reply;
import dev.warden.bootstrap.LoopbackCaller.Answer;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * Argon2 allocates 19 MiB per password check, so only a few run at once: a login that finds every
 * slot taken waits briefly, then gets a clear 503 with Retry-After instead of adding to the heap.
 */
@MicronautTest(transactional = false)
class PasswordHashingBoundIT extends ApiTest {

    @Inject
    PasswordHashingSlots slots;

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("warden.password-hashing.max-concurrent", "1");
        properties.put("warden.password-hashing.max-wait", "20ms");
        return properties;
    }

    @Test
    void a_login_finding_every_hashing_slot_taken_gets_503_with_retry_after_and_is_not_counted_as_a_failure()
            throws Exception {
        CountDownLatch occupied = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> slots.use(() -> {
            occupied.countDown();
            await(release);
            return null;
        }));
        occupied.await();

        LoopbackCaller client = new LoopbackCaller("127.0.2.1", server.getPort());
        Answer busy;
        try {
            busy = client.login("/login", TestPostgres.ROOT_USERNAME, TestPostgres.ROOT_PASSWORD);
            for (int i = 0; i < 12; i++) {
                assertThat(client.login("/login", TestPostgres.ROOT_USERNAME, "guess").status()).isEqualTo(503);
            }
        } finally {
            release.countDown();
            holder.join();
        }

        assertThat(busy.status()).isEqualTo(503);
        assertThat(busy.header("Retry-After")).isEqualTo("1");
        assertThat(busy.header("Content-Type")).startsWith("application/problem+json");
        assertThat(busy.body()).contains("try again");
        Reply signedIn = api.post("/login", null, Map.of("username", TestPostgres.ROOT_USERNAME,
                "password", TestPostgres.ROOT_PASSWORD));
        assertThat(signedIn.status()).as("unchecked attempts used no failure budget").isEqualTo(200);
        assertThat(client.login("/login", TestPostgres.ROOT_USERNAME, TestPostgres.ROOT_PASSWORD).status())
                .isEqualTo(200);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
