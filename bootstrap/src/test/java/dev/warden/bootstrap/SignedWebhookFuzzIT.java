package dev.warden.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A careful tester's attack on the webhook: correctly signed payloads of every template field,
 * mutated (types swapped, keys dropped, huge numbers, long strings, NUL, deep nesting, oversized
 * arrays, truncated bodies), over real HTTP against PostgreSQL. Every answer is 200, 400 only for a
 * body that is not JSON, holds more than 500,000 tokens or carries more than 10,000 changes, 413 only for a body
 * over the limit: never a 5xx, never a dropped connection. Afterwards the workers settle every change, and a good
 * change still goes through.
 */
@MicronautTest(transactional = false)
class SignedWebhookFuzzIT extends ApiTest {

    private static final int MAX_BODY = 4 * 1024 * 1024;
    /** Most changes one delivery may carry (docs/operations.md); a body of more is kept whole and answered 400. */
    private static final int MAX_CHANGES = 10_000;
    private static final Pattern RECEIVED = Pattern.compile("\"received\"\\s*:\\s*(\\d+)");

    @Inject
    EmbeddedServer server;

    private final HttpClient raw = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Long> deliveries = new ArrayList<>();

    @Test
    void no_signed_payload_gets_a_5xx_or_a_dropped_connection_and_every_change_settles() throws Exception {
        String waba = MetaWebhooks.randomWaba();
        String org = api.post("/api/v1/organizations", root, Map.of("name", "Fuzzed " + waba)).text("id");
        assertThat(api.post("/api/v1/organizations/" + org + "/whatsapp-accounts", root,
                Map.of("wabaId", waba, "name", "Main")).status()).isEqualTo(201);

        // 400 examples meet every mutation many times in seconds; -Dwarden.fuzz.examples=3000 hunts longer.
        qt().withExamples(Integer.getInteger("warden.fuzz.examples", 400)).withShrinkCycles(20)
                .forAll(integers().between(0, MutatedMetaPayloads.CORPUS.size() - 1), longs().all(),
                        integers().between(0, 3))
                .checkAssert((shape, seed, mutations) -> {
                    byte[] body = MutatedMetaPayloads.mutated(waba, shape, seed, mutations);
                    int status = post(body);
                    long changes = MutatedMetaPayloads.changes(body);
                    if (body.length > MAX_BODY) {
                        assertThat(status).as("a body over the limit").isEqualTo(413);
                    } else if (changes < 0) {
                        assertThat(status).as("a body that is not JSON").isEqualTo(400);
                    } else if (changes > MAX_CHANGES) {
                        assertThat(status).as("a body of %d changes", changes).isEqualTo(400);
                    } else {
                        assertThat(status).as("shape %d, seed %d, %d mutations", shape, seed, mutations).isEqualTo(200);
                    }
                });

        settled();
        String templateId = "7" + System.nanoTime() % 1_000_000_000L;
        byte[] good = MetaWebhooks.bytes(MetaWebhooks.status(waba, Instant.now().getEpochSecond(), templateId, "APPROVED"));
        assertThat(post(good)).isEqualTo(200);
        Eventually.holds(() -> assertThat(api.get("/api/v1/templates?organizationId=" + org + "&metaTemplateId="
                + templateId, root).body().get("items").toString()).contains("status=APPROVED"));
    }

    @Test
    void a_body_over_the_limit_is_answered_413_with_or_without_a_length() throws Exception {
        byte[] huge = new byte[5 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) ' ');
        huge[0] = '{';
        huge[huge.length - 1] = '}';
        String signature = MetaWebhooks.sign(huge);
        for (HttpRequest.BodyPublisher body : List.of(HttpRequest.BodyPublishers.ofByteArray(huge),
                HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(huge)))) {
            HttpResponse<String> response = raw.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/webhooks/meta"))
                    .header("Content-Type", "application/json").header("X-Hub-Signature-256", signature)
                    .POST(body).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
    }

    @Test
    void an_entry_id_of_100_000_characters_over_2_000_changes_is_not_copied_whole_into_each_change() throws Exception {
        // Found by the fuzzer: the entry's id is every change's WABA, and each change's stand-in repeated it whole,
        // 20,000 times in that body (2 GB: the writer ran out of memory, and every retry with it).
        StringBuilder changes = new StringBuilder();
        for (int i = 0; i < 2_000; i++) {
            changes.append(i == 0 ? "" : ",").append("{\"value\":").append(i).append('}');
        }
        byte[] body = ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"" + "9".repeat(100_000)
                + "\",\"time\":1770330909,\"changes\":[" + changes + "]}]}").getBytes(StandardCharsets.UTF_8);

        assertThat(post(body)).isEqualTo(200);
        long delivery;
        synchronized (deliveries) {
            delivery = deliveries.get(deliveries.size() - 1);
        }
        try (Connection connection = database();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT count(*), sum(length(payload::text)) FROM webhook_changes WHERE delivery_id = ?")) {
            query.setLong(1, delivery);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                assertThat(row.getLong(1)).isEqualTo(2_000);
                assertThat(row.getLong(2)).as("the changes' payloads, in all").isLessThan(10_000_000);
            }
        }
    }

    @Test
    void two_million_changes_in_one_signed_body_are_kept_whole_as_malformed_not_split() throws Exception {
        // Found by the fuzzer's reader: 4 MB of empty changes were two million inbox rows in the writer's memory, its
        // group failing on every retry. Meta batches at most 1,000 updates. The reader now stops at 500,000 tokens,
        // before it could count them (MetaWebhookTranslationTest counts changes over the limit).
        String entry = "{\"id\":\"1\",\"time\":1770330909,\"changes\":[" + "0,".repeat(1_999_999) + "0]}";
        byte[] body = ("{\"object\":\"whatsapp_business_account\",\"entry\":[" + entry + "]}")
                .getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = raw.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/webhooks/meta"))
                .header("Content-Type", "application/json").header("X-Hub-Signature-256", MetaWebhooks.sign(body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("beyond Warden's limits").contains("Token count");
        Matcher kept = Pattern.compile("delivery (\\d+) is kept").matcher(response.body());
        assertThat(kept.find()).as(response.body()).isTrue();
        try (Connection connection = database();
             PreparedStatement query = connection.prepareStatement("SELECT state, length(body),"
                     + " (SELECT count(*) FROM webhook_changes WHERE delivery_id = d.id) FROM webhook_deliveries d"
                     + " WHERE id = ?")) {
            query.setLong(1, Long.parseLong(kept.group(1)));
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1)).isEqualTo("MALFORMED");
                assertThat(row.getInt(2)).as("the body, kept whole").isEqualTo(body.length);
                assertThat(row.getLong(3)).as("changes split from it").isZero();
            }
        }
    }

    /** Posts a signed body; a dropped connection or a timeout fails the property. */
    private int post(byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.getURL() + "/webhooks/meta"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", MetaWebhooks.sign(body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            HttpResponse<String> response = raw.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher received = RECEIVED.matcher(response.body());
            if (response.statusCode() == 200 && received.find()) {
                synchronized (deliveries) {
                    deliveries.add(Long.parseLong(received.group(1)));
                }
            }
            return response.statusCode();
        } catch (IOException e) {
            throw new AssertionError("the connection was dropped: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Waits until no change of the fuzzed deliveries is pending: each is DONE, IGNORED, UNROUTABLE or DEAD. */
    private void settled() throws SQLException {
        try (Connection connection = database()) {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            String pending = null;
            while (Instant.now().isBefore(deadline)) {
                pending = pendingChanges(connection);
                if (pending.isEmpty()) {
                    return;
                }
                sleep();
            }
            throw new AssertionError("changes still pending after 60 s: " + pending);
        }
    }

    private static Connection database() throws SQLException {
        Map<String, String> db = TestPostgres.properties();
        return DriverManager.getConnection(db.get("datasources.default.url"), db.get("datasources.default.username"),
                db.get("datasources.default.password"));
    }

    private String pendingChanges(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT id, field, attempts, last_error"
                + " FROM webhook_changes JOIN webhook_change_states ON change_id = id"
                + " WHERE state NOT IN ('DONE', 'IGNORED', 'UNROUTABLE', 'DEAD') AND delivery_id = ANY (?) LIMIT 5")) {
            synchronized (deliveries) {
                query.setArray(1, connection.createArrayOf("bigint", deliveries.toArray()));
            }
            StringBuilder found = new StringBuilder();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    found.append(rows.getLong(1)).append(' ').append(rows.getString(2)).append(" attempts ")
                            .append(rows.getInt(3)).append(": ").append(rows.getString(4)).append('\n');
                }
            }
            return found.toString();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
