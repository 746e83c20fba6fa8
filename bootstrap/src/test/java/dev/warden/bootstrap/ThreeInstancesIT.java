package dev.warden.bootstrap;

import static dev.warden.bootstrap.MetaWebhooks.bytes;
import static dev.warden.bootstrap.MetaWebhooks.sign;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SPEC §7: instances share nothing but the database. Three Wardens on one PostgreSQL, each with its own
 * inbox workers, take a stream of template changes spread across them — some delivered twice to different
 * instances, some after newer ones — and end where one instance would: every change applied once, the
 * newest one deciding, one alert per cause, one hold action per change of the template's sendability.
 */
@MicronautTest(transactional = false)
class ThreeInstancesIT extends ApiTest {

    private static final int TEMPLATES = 12;
    private static final int CHANGES_PER_TEMPLATE = 8;
    private static final List<String> EVENTS = List.of("APPROVED", "PAUSED", "PENDING");

    private final List<EmbeddedServer> others = new ArrayList<>();
    private final List<ApiClient> instances = new ArrayList<>();

    @BeforeAll
    void startTwoMore() {
        instances.add(api);
        for (int i = 0; i < 2; i++) {
            Map<String, Object> settings = new HashMap<>(TestPostgres.properties());
            settings.put("micronaut.server.port", -1);
            // One instance reconciling is enough here: the other two run every worker the first one runs.
            settings.put("warden.reconcile.enabled", false);
            EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, settings);
            others.add(server);
            instances.add(new ApiClient(HttpClient.create(server.getURL()).toBlocking()));
        }
    }

    @AfterAll
    void stopThem() {
        others.forEach(EmbeddedServer::close);
    }

    /** One change Meta reports: a template's new status at a time. */
    private record Change(String metaTemplateId, long time, String event) {
    }

    @Test
    void changes_spread_duplicated_and_reordered_across_three_instances_are_applied_once() throws Exception {
        Tenant tenant = new Tenant(api, root, "7100000");
        Random random = new Random(20261202L);
        Map<String, String> templates = new HashMap<>();
        Map<String, String> campaigns = new HashMap<>();
        for (int t = 0; t < TEMPLATES; t++) {
            String meta = String.valueOf(7_100_001 + t);
            String id = tenant.approvedTemplate(meta);
            templates.put(meta, id);
            String campaign = tenant.draftCampaign("Spread " + t, id);
            assertThat(api.post("/api/v1/campaigns/" + campaign + "/start", tenant.admin, Map.of()).text("status"))
                    .isEqualTo("RUNNING");
            campaigns.put(meta, campaign);
        }

        List<Change> changes = new ArrayList<>();
        for (String meta : templates.keySet()) {
            for (int c = 0; c < CHANGES_PER_TEMPLATE; c++) {
                changes.add(new Change(meta, 2_000 + c * 10L + random.nextInt(5),
                        EVENTS.get(random.nextInt(EVENTS.size()))));
            }
        }
        Collections.sort(changes, (a, b) -> Long.compare(a.time(), b.time()));
        // Out of order: about one change in five swaps places with the one after it.
        for (int i = 0; i + 1 < changes.size(); i++) {
            if (random.nextInt(5) == 0) {
                Collections.swap(changes, i, i + 1);
            }
        }
        // One delivery in ten comes again, to another instance, a little later in the stream.
        List<Change> deliveries = new ArrayList<>(changes);
        for (Change change : changes) {
            if (random.nextInt(10) == 0) {
                deliveries.add(Math.min(deliveries.size(), deliveries.indexOf(change) + 1 + random.nextInt(20)),
                        change);
            }
        }

        ExecutorService senders = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> acks = new ArrayList<>();
            for (int i = 0; i < deliveries.size(); i++) {
                Change change = deliveries.get(i);
                ApiClient instance = instances.get(i % instances.size());
                byte[] body = bytes(MetaWebhooks.status(tenant.waba, change.time(), change.metaTemplateId(),
                        change.event()));
                acks.add(senders.submit(() -> instance.postWebhook(body, sign(body)).status()));
            }
            for (Future<Integer> ack : acks) {
                assertThat(ack.get(30, TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            senders.shutdownNow();
        }

        Map<String, Change> newest = changes.stream().collect(Collectors.toMap(Change::metaTemplateId, c -> c,
                (a, b) -> a.time() >= b.time() ? a : b));
        Eventually.holds(() -> assertThat(inbox(tenant.waba, "PENDING")).as("changes still waiting").isZero());
        assertThat(inbox(tenant.waba, "DEAD")).as("changes given up").isZero();
        templates.forEach((meta, id) -> assertThat(api.get("/api/v1/templates/" + id, tenant.viewer).text("status"))
                .as("template %s ends as its newest change says", meta).isEqualTo(newest.get(meta).event()));
        // What a change adds to the history depends on when it arrives (a repeat of the current status adds
        // nothing, an older one arriving late is marked stale), so the history is judged by what must hold in
        // any order: nothing invented, nothing twice, and the applied entries a chain ending in the status.
        Map<String, List<String>> delivered = changes.stream().collect(Collectors.groupingBy(Change::metaTemplateId,
                Collectors.mapping(c -> c.time() + " " + c.event(), Collectors.toList())));
        for (Map.Entry<String, String> template : templates.entrySet()) {
            String meta = template.getKey();
            String expected = newest.get(meta).event();
            List<Map<String, Object>> history = statusHistory(template.getValue());
            List<Map<String, Object>> reported = history.subList(0, history.size() - 1);
            assertThat(reported).as("template %s: only changes Meta reported, each once", meta)
                    .extracting(e -> java.time.Instant.parse(e.get("at").toString()).getEpochSecond() + " "
                            + e.get("event"))
                    .doesNotHaveDuplicates().isSubsetOf(delivered.get(meta));
            List<Map<String, Object>> applied = new ArrayList<>(history.stream()
                    .filter(e -> !Boolean.TRUE.equals(e.get("stale"))).toList());
            Collections.reverse(applied);
            for (int i = 1; i < applied.size(); i++) {
                assertThat(applied.get(i).get("previous")).as("template %s: applied changes form a chain", meta)
                        .isEqualTo(applied.get(i - 1).get("current"));
            }
            assertThat(applied.get(applied.size() - 1).get("current")).isEqualTo(expected);

            Map<String, Object> campaign = tenant.campaignState(campaigns.get(meta));
            assertThat(campaign.get("status")).as("campaign of template %s", meta)
                    .isEqualTo("APPROVED".equals(expected) ? "RUNNING" : "PAUSED");
            assertHoldActionsAlternate(campaigns.get(meta));
        }

        List<Map<String, Object>> open = Tenant.items(api.get("/api/v1/alerts?state=OPEN&size=100", tenant.viewer));
        assertThat(open.stream().map(a -> a.get("templateId") + " " + a.get("type")).collect(Collectors.toList()))
                .as("one open alert per template and cause").doesNotHaveDuplicates();
    }

    private static long inbox(String waba, String state) {
        try (Connection connection = TestPostgres.server().getPostgresDatabase().getConnection();
             PreparedStatement count = connection.prepareStatement(
                     "SELECT count(*) FROM webhook_change_states WHERE waba_id = ? AND state = ?")) {
            count.setString(1, waba);
            count.setString(2, state);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Map<String, Object>> statusHistory(String templateId) {
        return Tenant.items(api.get("/api/v1/templates/" + templateId + "/status-history?size=100", root)).stream()
                .filter(e -> "STATUS".equals(e.get("kind"))).toList();
    }

    /** A hold placed twice without a lift between (or lifted twice) would be a doubled campaign action. */
    private void assertHoldActionsAlternate(String campaign) {
        List<Map<String, Object>> history = Tenant.items(api.get("/api/v1/campaigns/" + campaign
                + "/hold-history?size=100", root));
        List<Map<String, Object>> oldestFirst = new ArrayList<>(history);
        Collections.reverse(oldestFirst);
        Map<Object, String> last = new HashMap<>();
        for (Map<String, Object> entry : oldestFirst) {
            String action = String.valueOf(entry.get("action"));
            if ("UPDATED".equals(action)) {
                assertThat(last.get(entry.get("cause"))).as("campaign %s updates a hold it has", campaign)
                        .isIn("PLACED", "UPDATED");
                continue;
            }
            String previous = last.put(entry.get("cause"), action);
            if ("PLACED".equals(action)) {
                assertThat(previous).as("campaign %s: %s placed twice", campaign, entry.get("cause"))
                        .isIn(null, "LIFTED");
            } else {
                assertThat(previous).as("campaign %s: %s lifted without being placed", campaign, entry.get("cause"))
                        .isIn("PLACED", "UPDATED");
            }
        }
    }
}
