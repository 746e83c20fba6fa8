package dev.warden.bootstrap;

import static dev.warden.bootstrap.MetaWebhooks.bytes;
import static dev.warden.bootstrap.MetaWebhooks.sign;
import static dev.warden.bootstrap.MetaWebhooks.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.application.port.in.ProcessWebhookChangeUseCase;
import dev.warden.application.port.in.SweepUnroutableUseCase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The routing race on PostgreSQL: a WABA's registration commits while the batch that found no
 * route for its change is still open. The inbox workers are off, so the test runs the batch itself.
 */
@MicronautTest(transactional = false)
class UnroutableRaceIT extends ApiTest {

    @Inject
    ProcessWebhookChangeUseCase process;

    @Inject
    SweepUnroutableUseCase sweep;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("warden.inbox.workers.enabled", "false");
        return properties;
    }

    private Connection connection() throws SQLException {
        return DriverManager.getConnection(getProperties().get("datasources.default.url"), "postgres", "postgres");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> items(ApiClient.Reply reply) {
        return (List<Map<String, Object>>) reply.body().get("items");
    }

    private String stateOfChangesFor(String waba) throws SQLException {
        try (Connection c = connection();
             PreparedStatement s = c.prepareStatement("SELECT string_agg(state, ',') FROM webhook_change_states WHERE waba_id = ?")) {
            s.setString(1, waba);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }

    private boolean aSessionWaitsForALock() throws SQLException {
        try (Connection c = connection();
             ResultSet r = c.createStatement().executeQuery("SELECT count(*) FROM pg_locks WHERE NOT granted")) {
            r.next();
            return r.getLong(1) > 0;
        }
    }

    @Test
    void a_change_kept_unroutable_by_a_batch_that_commits_after_the_registration_is_still_applied() throws Exception {
        String waba = MetaWebhooks.randomWaba();
        byte[] body = bytes(status(waba, 5000, "777", "APPROVED"));
        assertThat(api.postWebhook(body, sign(body)).status()).isEqualTo(200);

        CompletableFuture<Boolean> batch;
        try (Connection blocker = connection()) {
            // Holds the batch open right after it found no route: its UNROUTABLE_WEBHOOK alert
            // insert waits on this uncommitted alert for the same cause (one unresolved per cause).
            blocker.setAutoCommit(false);
            try (PreparedStatement s = blocker.prepareStatement("""
                    INSERT INTO alerts (organization_id, id, type, severity, subject_kind, subject_key, message, details,
                                        state, count, created_at, last_raised_at, revision)
                    VALUES ('00000000-0000-0000-0000-000000000001', ?, 'UNROUTABLE_WEBHOOK', 'HIGH', 'WABA', ?, 'x',
                            '{}', 'OPEN', 1, now(), now(), 0)""")) {
                s.setObject(1, UUID.randomUUID());
                s.setString(2, waba);
                s.executeUpdate();
            }
            batch = CompletableFuture.supplyAsync(process::processNext);
            Eventually.holds(() -> {
                try {
                    assertThat(aSessionWaitsForALock()).isTrue();
                } catch (SQLException e) {
                    throw new AssertionError(e);
                }
            });

            String org = api.post("/api/v1/organizations", root, Map.of("name", "Late " + waba)).text("id");
            assertThat(api.post("/api/v1/organizations/" + org + "/whatsapp-accounts", root,
                    Map.of("wabaId", waba, "name", "Main")).status()).isEqualTo(201);
            assertThat(batch).isNotDone();
            blocker.rollback();
            assertThat(batch.get(15, TimeUnit.SECONDS)).isTrue();
            assertThat(stateOfChangesFor(waba)).as("the batch committed after the registration").isEqualTo("UNROUTABLE");

            assertThat(sweep.sweep()).isEqualTo(1);
            while (process.processNext()) {
                // drain what the sweep put back
            }

            assertThat(stateOfChangesFor(waba)).isEqualTo("DONE");
            assertThat(items(api.get("/api/v1/templates?organizationId=" + org + "&metaTemplateId=777", root)))
                    .singleElement().satisfies(t -> assertThat(t).containsEntry("status", "APPROVED"));
            assertThat(items(api.get("/api/v1/alerts?size=100", root)))
                    .filteredOn(alert -> Map.of("kind", "WABA", "key", waba).equals(alert.get("subject")))
                    .allSatisfy(alert -> assertThat(alert).containsEntry("state", "RESOLVED"));
        }
    }

    @Test
    void only_a_super_admin_requeues_unroutable_changes_over_http() {
        String waba = MetaWebhooks.randomWaba();
        byte[] body = bytes(status(waba, 5100, "778", "APPROVED"));
        assertThat(api.postWebhook(body, sign(body)).status()).isEqualTo(200);
        while (process.processNext()) {
            // keeps the change as unroutable
        }
        String org = api.post("/api/v1/organizations", root, Map.of("name", "Requeue " + waba)).text("id");
        String orgAdmin = "admin_" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("/api/v1/organizations/" + org + "/users", root,
                Map.of("username", orgAdmin, "password", "long enough password", "role", "ORG_ADMIN")).status())
                .isEqualTo(201);
        String orgAdminToken = api.login(orgAdmin, "long enough password");

        assertThat(api.post("/api/v1/webhooks/unroutable/requeue?wabaId=" + waba, orgAdminToken, Map.of()).status())
                .isEqualTo(403);
        assertThat(api.post("/api/v1/webhooks/unroutable/requeue?wabaId=" + waba, null, Map.of()).status())
                .isEqualTo(401);
        ApiClient.Reply requeued = api.post("/api/v1/webhooks/unroutable/requeue?wabaId=" + waba, root, Map.of());
        assertThat(requeued.status()).isEqualTo(200);
        assertThat(requeued.body()).containsEntry("requeued", 1);
        assertThat(api.post("/api/v1/webhooks/unroutable/requeue?wabaId=not-a-waba", root, Map.of()).status())
                .isEqualTo(400);
    }
}
