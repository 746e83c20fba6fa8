package dev.warden.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.warden.bootstrap.ApiOperations.Operation;
import dev.warden.bootstrap.RawHttp.Answer;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Bad input at volume on every operation of the served /openapi.yml, so that a route added later is fuzzed
 * without anyone remembering to: each is called with a token of a role it allows (the request reaches the
 * handler, not the 401/403 gate), with one part of the request mutated and the rest valid, or all of them at
 * once: a path parameter, a query parameter (or one sent twice), the JSON body, its content type
 * ({@link MutatedRequests}). No answer is a 5xx or a dropped connection; every 4xx is a problem
 * document. Afterwards no change of the webhook inbox and no notification of the outbox is stuck: nothing
 * pending stays past due, nothing stays claimed past its claim.
 *
 * <p>Bodies start from the schema the document gives, filled as {@link WalkFixtures#bodyValue} fills them;
 * operations whose body the document leaves free-form start from {@link #examples()}, and one missing there
 * starts from every property WalkFixtures knows. {@code POST /webhooks/meta} is {@link SignedWebhookFuzzIT}'s.
 */
@MicronautTest(transactional = false)
class PublicApiFuzzIT extends ApiTest {

    /** Bounded so the whole walk takes well under a minute; -Dwarden.fuzz.api-examples=200 hunts longer. */
    private static final int EXAMPLES_PER_OPERATION = Integer.getInteger("warden.fuzz.api-examples", 30);
    private static final Set<String> ELSEWHERE = Set.of("POST /webhooks/meta");
    /** How long a due change or notification may wait for a worker before it counts as stuck. */
    private static final String GRACE = "30 seconds";

    @Inject
    EmbeddedServer server;

    private final HttpClient raw = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> failures = new ArrayList<>();
    private WalkFixtures a;
    private Instant started;

    @Test
    void no_operation_answers_bad_input_with_a_5xx_and_nothing_is_left_stuck() throws Exception {
        started = Instant.now();
        ApiOperations document = new ApiOperations(http.toBlocking().retrieve("/openapi.yml"));
        a = new WalkFixtures(api, root);
        List<Operation> operations = document.all().stream().filter(op -> !ELSEWHERE.contains(op.toString()))
                // Reads first, deletes last: A's fixtures stay in place while other operations use them.
                .sorted(Comparator.comparing(op -> switch (op.method()) {
                    case "get" -> 0;
                    case "delete" -> 2;
                    default -> 1;
                })).toList();
        assertThat(operations).as("the document lists the API").hasSizeGreaterThan(10);

        for (Operation op : operations) {
            qt().withExamples(EXAMPLES_PER_OPERATION).withShrinkCycles(0).forAll(longs().all())
                    .checkAssert(seed -> call(op, document, seed));
        }

        assertThat(failures).as("answers that broke the rule (replay one with its seed)").isEmpty();
        assertNothingStuck();
    }

    private void call(Operation op, ApiOperations document, long seed) {
        MutatedRequests mutated = new MutatedRequests(seed);
        String token = token(op, mutated);
        int parts = op.pathParameters().size() + op.query().size() + (op.bodySchema() == null ? 0 : 1);
        int part = mutated.target(parts);
        String target = target(op, mutated, part);
        String body = null;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + target))
                .timeout(Duration.ofSeconds(30));
        if (op.bodySchema() != null) {
            Object valid = validBody(op, document);
            body = part == -1 || part == parts - 1 ? mutated.body(valid) : RandomJson.write(valid);
            request.header("Content-Type", mutated.contentType());
        }
        request.method(op.method().toUpperCase(), body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        String what = op + " seed " + seed + ": " + target + (body == null ? "" : " " + abbreviated(body));
        Answer answer;
        try {
            answer = send(request.build());
        } catch (IOException e) {
            failures.add(what + " -> no answer, twice: " + e);
            return;
        }
        if (answer.status() >= 500) {
            failures.add(what + " -> " + answer.status() + " " + abbreviated(answer.body()));
        } else if (answer.status() >= 400 && !answer.contentType().startsWith("application/problem+json")) {
            failures.add(what + " -> " + answer.status() + " without a problem document: " + answer.contentType() + " "
                    + abbreviated(answer.body()));
        } else if (answer.status() >= 400 && !answer.body().contains("\"status\":" + answer.status())) {
            failures.add(what + " -> a problem that does not name its status: " + abbreviated(answer.body()));
        }
    }

    /**
     * The answer, asking again once when none came: about one request in 10,000 finds that the kept-alive
     * connection the client reused was closed under it (the same requests on a fresh socket, followed by
     * another on that socket, are all answered). A request the server itself drops is dropped the second time
     * too, and fails the walk.
     */
    private Answer send(HttpRequest request) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<String> response = raw.send(request, HttpResponse.BodyHandlers.ofString());
                return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                        null, response.body());
            } catch (IOException e) {
                if (attempt == 2) {
                    throw e;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** A caller the operation allows, picked by the seed; viewers only read. */
    private String token(Operation op, MutatedRequests mutated) {
        if (!op.secured()) {
            return null;
        }
        List<String> allowed = new ArrayList<>();
        if (op.roles().contains("SUPER_ADMIN")) {
            allowed.add(a.root);
        }
        if (op.roles().contains("ORG_ADMIN")) {
            allowed.add(a.adminA);
        }
        if (op.roles().contains("VIEWER") && !op.write()) {
            allowed.add(a.viewerA);
        }
        assertThat(allowed).as(op + " allows a role of the walk").isNotEmpty();
        return mutated.pick(allowed);
    }

    /**
     * The path and query with A's fixtures in place, but for the one part {@code mutated} (or all of them, when
     * {@code mutated} is -1); parts count path parameters, then query parameters, then the body.
     */
    private String target(Operation op, MutatedRequests random, int mutated) {
        String path = op.path();
        int part = 0;
        for (String[] parameter : op.pathParameters()) {
            String fixture = a.pathValue(parameter[0], parameter[1]);
            assertThat(fixture).as(op + ": a fixture for {" + parameter[1] + "} in WalkFixtures.pathValue").isNotNull();
            String value = mutated == -1 || mutated == part ? random.path() : fixture;
            path = path.replace("{" + parameter[1] + "}", encode(value));
            part++;
        }
        List<String> query = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> parameter : op.query().entrySet()) {
            String valid = validQuery(parameter.getKey(), parameter.getValue());
            for (int i = random.repeats(); i > 0; i--) {
                String value = mutated == -1 || mutated == part ? random.query() : op.requiredQuery().contains(
                        parameter.getKey()) ? valid : random.validQuery(valid);
                if (value != null) {
                    query.add(encode(parameter.getKey()) + "=" + encode(value));
                }
            }
            part++;
        }
        return query.isEmpty() ? path : path + "?" + String.join("&", query);
    }

    private String validQuery(String name, Map<String, Object> schema) {
        String known = a.queryValue(name);
        if (known != null) {
            return known;
        }
        if (name.equals("organizationId")) {
            return a.orgA;
        }
        if (schema.get("enum") instanceof List<?> values && !values.isEmpty()) {
            return values.get(0).toString();
        }
        return "integer".equals(schema.get("type")) ? "1" : "walk";
    }

    private Object validBody(Operation op, ApiOperations document) {
        Map<String, Object> example = examples().get(op.toString());
        if (example != null) {
            return example;
        }
        if (op.bodySchema().get("properties") != null) {
            return document.body(op.bodySchema(), a::bodyValue);
        }
        Map<String, Object> everything = new java.util.LinkedHashMap<>();
        for (String property : List.of("templateId", "campaignId", "name", "text", "eventType", "type", "provider",
                "phoneNumberId", "idempotencyKey", "to", "wabaId", "allow")) {
            everything.put(property, a.bodyValue(property));
        }
        return everything;
    }

    /**
     * Valid bodies of the operations whose body the document leaves free-form (a map read by the controller),
     * as their API docs show them, naming A's fixtures.
     */
    private Map<String, Map<String, Object>> examples() {
        Map<String, Object> template = new java.util.HashMap<>(AuthoringTenant.orderUpdate("fuzz_order_update"));
        // The walk registers more WABAs in A: a template names the one it is for.
        template.put("wabaId", a.wabaA);
        return Map.of(
                "POST /api/v1/templates", template,
                "PUT /api/v1/templates/{id}", AuthoringTenant.orderUpdate(a.templateNameA),
                "POST /api/v1/templates/parameters/detect", Map.of("text", "Hello {{name}} there"),
                "POST /api/v1/templates/parameters/validate", Map.of("text", "Hi {{1}}, your code works today.",
                        "parameterFormat", "POSITIONAL", "component", "BODY", "examples", Map.of("1", "Ana")),
                "POST /api/v1/templates/{id}/preview", Map.of("body", Map.of("1", "Ana")),
                "POST /api/v1/notifications/events", Map.of("type", "ORDER_CREATED", "idempotencyKey", "fuzz",
                        "to", "+919810012345", "params", Map.of("1", "Ana"), "language", "en_US"),
                "POST /api/v1/messages/text", Map.of("wabaId", a.wabaA, "phoneNumberId", "106540352242922",
                        "to", "+919810012345", "text", "hello"));
    }

    /** Waits until no change or notification made since the walk began is due and unclaimed, or claimed past its claim. */
    private void assertNothingStuck() throws SQLException {
        Map<String, String> db = TestPostgres.properties();
        try (Connection connection = DriverManager.getConnection(db.get("datasources.default.url"),
                db.get("datasources.default.username"), db.get("datasources.default.password"))) {
            Eventually.holds(() -> assertThat(stuck(connection)).as("inbox changes and notifications stuck").isEmpty());
        }
    }

    private List<String> stuck(Connection connection) {
        String since = "'" + started + "'::timestamptz";
        List<String> found = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("SELECT id, field, attempts, last_error"
                    + " FROM webhook_changes JOIN webhook_change_states ON change_id = id"
                    + " WHERE state = 'PENDING' AND received_at >= " + since + " AND next_attempt_at < now() - interval '"
                    + GRACE + "' LIMIT 5")) {
                while (rows.next()) {
                    found.add("inbox change " + rows.getLong(1) + " " + rows.getString(2) + " attempts "
                            + rows.getInt(3) + ": " + rows.getString(4));
                }
            }
            try (ResultSet rows = statement.executeQuery("SELECT id, status, attempts, last_error FROM notifications"
                    + " WHERE status IN ('QUEUED', 'RETRYING', 'SENDING') AND created_at >= " + since
                    + " AND next_attempt_at < now() - interval '" + GRACE + "' LIMIT 5")) {
                while (rows.next()) {
                    found.add("notification " + rows.getString(1) + " " + rows.getString(2) + " attempts "
                            + rows.getInt(3) + ": " + rows.getString(4));
                }
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        return found;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviated(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "... (" + text.length() + " chars)";
    }
}
