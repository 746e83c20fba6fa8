package dev.warden.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The database goes away for {@link #OUTAGE} while Meta keeps delivering, then comes back (Warden reaches
 * PostgreSQL through a {@link TcpProxy} the test cuts). Deliveries posted during the outage are refused with a
 * 503, never a 200 that is then lost, so Meta retries them; every delivery acknowledged with a 200, before,
 * during or after, is processed exactly once; and the same process serves again without a restart.
 */
class DatabaseOutageIT {

    /** As long as the outage SPEC §7 promises to ride out. */
    private static final Duration OUTAGE = Duration.ofSeconds(10);
    /** How long conditions are polled for: recovery includes the pool's wait for a connection. */
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final int POSTERS = 3;

    /** One delivery: the Meta template id it names, when it was sent, and Warden's answer (0: none). */
    private record Delivery(String metaTemplateId, Instant sent, int status) {
    }

    private final List<Delivery> deliveries = new ArrayList<>();
    private final java.net.http.HttpClient raw = java.net.http.HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicLong ids = new AtomicLong(800_000_000_000L + System.nanoTime() % 100_000_000_000L);

    @Test
    void deliveries_during_an_outage_are_refused_503_and_nothing_acknowledged_is_lost_or_doubled() throws Exception {
        try (TcpProxy proxy = new TcpProxy(TestPostgres.server().getPort());
             EmbeddedServer warden = ApplicationContext.run(EmbeddedServer.class, properties(proxy));
             HttpClient http = warden.getApplicationContext().createBean(HttpClient.class, warden.getURL())) {
            ApiClient api = new ApiClient(http.toBlocking());
            String root = api.login(TestPostgres.ROOT_USERNAME, TestPostgres.ROOT_PASSWORD);
            String waba = MetaWebhooks.randomWaba();
            String org = api.post("/api/v1/organizations", root, Map.of("name", "Outage " + waba)).text("id");
            assertThat(api.post("/api/v1/organizations/" + org + "/whatsapp-accounts", root,
                    Map.of("wabaId", waba, "name", "Main")).status()).isEqualTo(201);

            AtomicBoolean posting = new AtomicBoolean(true);
            ExecutorService posters = Executors.newFixedThreadPool(POSTERS);
            for (int i = 0; i < POSTERS; i++) {
                posters.submit(() -> {
                    while (posting.get()) {
                        post(warden, waba);
                        Thread.sleep(20); // a steady stream, not a load test
                    }
                    return null;
                });
            }
            await("deliveries acknowledged before the outage", () -> count(d -> d.status() == 200) >= 10);

            Instant cut = Instant.now();
            proxy.cut();
            Thread.sleep(OUTAGE.toMillis());
            await("deliveries refused during the outage", () -> count(d -> d.sent().isAfter(cut) && d.status() != 200)
                    >= POSTERS);
            Instant restored = Instant.now();
            proxy.restore();
            await("deliveries acknowledged after the outage", () -> count(d -> d.sent().isAfter(restored)
                    && d.status() == 200) >= 10);
            posting.set(false);
            posters.shutdown();
            assertThat(posters.awaitTermination(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();

            List<Delivery> all;
            synchronized (deliveries) {
                all = List.copyOf(deliveries);
            }
            assertThat(all).as("a delivery Warden could not store is refused with a 503 (or not answered at all)")
                    .allMatch(d -> d.status() == 200 || d.status() == 503 || d.status() == 0);
            List<String> acknowledged = all.stream().filter(d -> d.status() == 200).map(Delivery::metaTemplateId)
                    .toList();
            await("every acknowledged delivery processed", () -> applied(acknowledged).values().stream()
                    .allMatch(n -> n > 0));
            assertThat(applied(acknowledged)).as("history rows of each acknowledged delivery's template")
                    .allSatisfy((id, rows) -> assertThat(rows).as(id).isEqualTo(1));
            List<String> refused = all.stream().filter(d -> d.status() != 200).map(Delivery::metaTemplateId).toList();
            // A refused delivery may still have been stored (the answer gave up first): never twice, though.
            assertThat(applied(refused)).allSatisfy((id, rows) -> assertThat(rows).as(id).isLessThanOrEqualTo(1));

            // The same process serves again, healthy: pool, delivery writer and inbox workers recovered.
            await("health UP again", () -> api.get("/health", null).status() == 200);
            assertThat(api.get("/api/v1/templates?wabaId=" + waba + "&size=1", root).status()).isEqualTo(200);
        }
    }

    private static Map<String, Object> properties(TcpProxy proxy) {
        Map<String, Object> properties = new HashMap<>(TestPostgres.properties());
        properties.put("datasources.default.url", "jdbc:postgresql://localhost:" + proxy.port() + "/postgres");
        properties.put("micronaut.server.port", "-1");
        return properties;
    }

    /** Posts one signed status webhook naming a new template, and records the answer. */
    private void post(EmbeddedServer warden, String waba) {
        String metaTemplateId = String.valueOf(ids.incrementAndGet());
        byte[] body = MetaWebhooks.bytes(MetaWebhooks.envelope(waba, Instant.now().getEpochSecond(),
                "message_template_status_update", """
                {"event":"APPROVED","message_template_id":%s,"message_template_name":"outage_%s",
                 "message_template_language":"en_US","reason":"NONE","message_template_category":"UTILITY"}"""
                        .formatted(metaTemplateId, metaTemplateId)));
        Instant sent = Instant.now();
        int status;
        try {
            status = raw.send(HttpRequest.newBuilder(URI.create(warden.getURL() + "/webhooks/meta"))
                    .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                    .header("X-Hub-Signature-256", MetaWebhooks.sign(body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            status = 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        synchronized (deliveries) {
            deliveries.add(new Delivery(metaTemplateId, sent, status));
        }
    }

    private long count(Predicate<Delivery> which) {
        synchronized (deliveries) {
            return deliveries.stream().filter(which).count();
        }
    }

    /** For each Meta template id, the status-history rows of the templates it names (0 when none exists). */
    private static Map<String, Integer> applied(List<String> metaTemplateIds) {
        Map<String, String> db = TestPostgres.properties();
        Map<String, Integer> rows = new HashMap<>();
        metaTemplateIds.forEach(id -> rows.put(id, 0));
        try (Connection connection = DriverManager.getConnection(db.get("datasources.default.url"),
                db.get("datasources.default.username"), db.get("datasources.default.password"));
             PreparedStatement query = connection.prepareStatement("SELECT t.meta_template_id, count(h.seq)"
                     + " FROM templates t JOIN template_history h ON h.organization_id = t.organization_id"
                     + " AND h.template_id = t.id WHERE t.meta_template_id = ANY (?) GROUP BY t.meta_template_id")) {
            query.setArray(1, connection.createArrayOf("varchar", metaTemplateIds.toArray()));
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.put(result.getString(1), result.getInt(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    /** Polls until the condition holds; fails naming it after {@link #PATIENCE}. */
    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("still waiting for: " + what).isBefore(deadline);
            Thread.sleep(100);
        }
    }
}
