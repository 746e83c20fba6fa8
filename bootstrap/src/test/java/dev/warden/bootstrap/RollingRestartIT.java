package dev.warden.bootstrap;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.warden.bootstrap.MetaDeliveries.Change;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, SPEC §7: a rolling restart of three instances under load loses and doubles nothing. Three
 * Warden processes on one database take template status changes from Meta (some twice, some out of order,
 * round-robin, retried on any answer but 2xx) and transactional sends from a business system (retried with
 * their idempotency keys), while each instance in turn gets SIGTERM, exits and is started again (the order
 * of docs/operations.md, "Stopping and rolling restarts"). Afterwards every change is stored and applied
 * once, the newest deciding, every send went to Meta's Cloud API once, nothing waits in the inbox or the
 * outbox, and every process stopped in order.
 */
class RollingRestartIT {

    private static final int TEMPLATES = 20;
    private static final String EVENT_TYPE = "ORDER_CREATED";
    private static final Pattern CALLBACK = Pattern.compile("\"biz_opaque_callback_data\"\\s*:\\s*\"([^\"]+)\"");
    private static final Map<String, String> SETTINGS = Map.of(
            "warden.reconcile.enabled", "false",
            "warden.meta.graph-url", GraphApi.url(),
            "warden.meta.access-token", GraphApi.TOKEN);

    private final List<WardenProcess> instances = new ArrayList<>();
    private MetaDeliveries meta;
    private BusinessEvents events;

    @AfterEach
    void killLeftovers() {
        if (meta != null) {
            meta.cancel();
        }
        if (events != null) {
            events.cancel();
        }
        instances.forEach(WardenProcess::kill);
    }

    @Test
    void a_rolling_restart_of_three_instances_under_load_loses_and_doubles_nothing() throws Exception {
        for (int i = 1; i <= 3; i++) {
            instances.add(new WardenProcess("instance-" + i, SETTINGS));
        }
        // The first one migrates the database if no test did before; the other two then start together.
        instances.get(0).start();
        instances.get(0).awaitReady();
        instances.get(1).start();
        instances.get(2).start();
        instances.get(1).awaitReady();
        instances.get(2).awaitReady();

        ApiClient api = instances.get(0).api;
        String root = api.login(TestPostgres.ROOT_USERNAME, TestPostgres.ROOT_PASSWORD);
        Tenant tenant = new Tenant(api, root, "7300001");
        Map<String, String> templates = new HashMap<>(Map.of(tenant.metaTemplateId, tenant.templateId));
        for (int t = 2; t <= TEMPLATES; t++) {
            String meta = String.valueOf(7_300_000 + t);
            templates.put(meta, tenant.approvedTemplate(meta));
        }
        SendingTenant sender = new SendingTenant(api, root);
        String number = TransactionalSendIT.phoneNumberId();
        sender.map(EVENT_TYPE, sender.template("order_confirmation", "UTILITY", "Hi {{1}}, order {{2}} is in."),
                "META", number);
        GraphApi.server().stubFor(post(urlEqualTo(TransactionalSendIT.messages(number)))
                .willReturn(aResponse().withStatus(200).withBody(TransactionalSendIT.accepted("wamid.rolling"))));

        List<ApiClient> clients = instances.stream().map(instance -> instance.api).toList();
        meta = new MetaDeliveries(tenant.waba, templates.keySet(), clients);
        events = new BusinessEvents(clients, sender.admin, EVENT_TYPE);
        meta.start();
        events.start();
        await(() -> meta.answers().getOrDefault(200, 0) >= 100 && events.ids().size() >= 5, "the load runs");
        for (WardenProcess instance : instances) {
            instance.stop();
            instance.start();
            instance.awaitReady();
        }
        meta.finish();
        events.finish();

        Map<Integer, Integer> answers = meta.answers();
        assertThat(answers.keySet()).as("answers to webhook deliveries (0: no server)").containsAnyOf(0, 503)
                .allMatch(status -> status == 200 || status == 503 || status == 0);
        assertThat(meta.unacknowledged()).as("changes no instance acknowledged").isEmpty();
        assertThat(events.answeredOtherwise()).as("events answered other than 2xx, 503 or not at all").isEmpty();

        await(() -> count("SELECT count(*) FROM webhook_change_states WHERE waba_id = ? AND state = 'PENDING'",
                tenant.waba) == 0, "every change processed");
        await(() -> count("SELECT count(*) FROM notifications WHERE organization_id IN (?::uuid, ?::uuid)"
                + " AND status IN ('QUEUED', 'SENDING', 'RETRYING')", tenant.org, sender.org) == 0,
                "every notification sent");

        Set<Change> changes = meta.changes();
        assertThat(count("SELECT count(*) FROM webhook_change_states WHERE waba_id = ? AND state NOT IN ('DONE', 'IGNORED')",
                tenant.waba)).as("changes dead or unroutable").isZero();
        assertThat(count("SELECT count(*) FROM webhook_changes WHERE waba_id = ?", tenant.waba))
                .as("each change stored once (and each template's first approval)")
                .isEqualTo(changes.size() + TEMPLATES);
        assertAppliedOnce(api, tenant, templates, changes);

        Map<String, String> ids = events.ids();
        assertThat(count("SELECT count(*) FROM notifications WHERE organization_id = ?::uuid AND status = 'SENT'",
                sender.org)).as("one notification per idempotency key, sent").isEqualTo(ids.size());
        List<String> calls = GraphApi.server().findAll(postRequestedFor(urlEqualTo(TransactionalSendIT.messages(
                number)))).stream().map(RollingRestartIT::callback).toList();
        assertThat(calls).as("calls to Meta's Cloud API, one per send").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(new HashSet<>(ids.values()));

        for (WardenProcess instance : instances) {
            instance.stop();
            // A JVM ended by SIGTERM exits 128 + 15 once its shutdown hook (the orderly stop) has run.
            assertThat(instance.exitCodes()).as("exit codes of %s", instance).containsOnly(143);
            for (Path log : instance.logs()) {
                assertThat(Files.readAllLines(log)).as("the log of %s", log).anyMatch(l -> l.contains("Warden stopped"))
                        .noneMatch(l -> l.contains(" ERROR ") || l.startsWith("\tat "));
            }
        }
    }

    /**
     * What a change adds to the history depends on when it arrives (a repeat of the current status adds
     * nothing, an older one arriving late is marked stale), so the history is judged by what holds in any
     * order, as in {@link ThreeInstancesIT}: nothing invented, nothing twice, the applied entries a chain
     * ending in the newest change's status, which is the template's.
     */
    private static void assertAppliedOnce(ApiClient api, Tenant tenant, Map<String, String> templates,
                                          Set<Change> changes) {
        Map<String, Change> newest = changes.stream().collect(Collectors.toMap(Change::metaTemplateId, c -> c,
                (a, b) -> a.time() >= b.time() ? a : b));
        Map<String, List<String>> delivered = changes.stream().collect(Collectors.groupingBy(Change::metaTemplateId,
                Collectors.mapping(c -> c.time() + " " + c.event(), Collectors.toList())));
        templates.forEach((meta, id) -> {
            String expected = newest.get(meta).event();
            List<String[]> history = history(id);
            List<String> reported = new ArrayList<>(delivered.get(meta));
            reported.add("1000 APPROVED");
            assertThat(history).as("template %s: only changes Meta reported, each once", meta)
                    .extracting(e -> e[0] + " " + e[1]).doesNotHaveDuplicates().isSubsetOf(reported);
            List<String[]> applied = history.stream().filter(e -> !Boolean.parseBoolean(e[4])).toList();
            for (int i = 1; i < applied.size(); i++) {
                assertThat(applied.get(i)[2]).as("template %s: applied changes form a chain, in %s", meta,
                                history.stream().map(List::of).toList())
                        .isEqualTo(applied.get(i - 1)[3]);
            }
            assertThat(applied.get(applied.size() - 1)[3]).as("template %s: the newest change decides", meta)
                    .isEqualTo(expected);
            assertThat(api.get("/api/v1/templates/" + id, tenant.viewer).text("status"))
                    .as("template %s ends as its newest change says", meta).isEqualTo(expected);
        });
        assertThat(Tenant.items(api.get("/api/v1/alerts?state=OPEN&size=100", tenant.viewer)))
                .extracting(a -> a.get("templateId") + " " + a.get("type"))
                .as("one open alert per template and cause").doesNotHaveDuplicates();
    }

    /** A template's status history, oldest first: entry time (Unix seconds), event, previous, current, stale. */
    private static List<String[]> history(String templateId) {
        try (Connection connection = TestPostgres.server().getPostgresDatabase().getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT extract(epoch FROM occurred_at)::bigint,"
                     + " event, previous, current, stale FROM template_history WHERE template_id = ?::uuid"
                     + " AND kind = 'STATUS' ORDER BY seq")) {
            query.setString(1, templateId);
            List<String[]> entries = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    entries.add(new String[] {rows.getString(1), rows.getString(2), rows.getString(3),
                            rows.getString(4), String.valueOf(rows.getBoolean(5))});
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(String sql, Object... parameters) {
        try (Connection connection = TestPostgres.server().getPostgresDatabase().getConnection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String callback(LoggedRequest call) {
        Matcher id = CALLBACK.matcher(call.getBodyAsString());
        return id.find() ? id.group(1) : "(none) " + call.getBodyAsString();
    }

    /** Waits for what the load and the instances do, as long as a restart under load may take. */
    private void await(BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plusSeconds(90);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as(what).isBefore(deadline);
            WardenProcess.pause(100);
        }
    }
}
