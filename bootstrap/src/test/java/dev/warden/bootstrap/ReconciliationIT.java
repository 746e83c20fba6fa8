package dev.warden.bootstrap;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static dev.warden.bootstrap.GraphApi.page;
import static dev.warden.bootstrap.GraphApi.template;
import static dev.warden.bootstrap.MetaWebhooks.bytes;
import static dev.warden.bootstrap.MetaWebhooks.sign;
import static dev.warden.bootstrap.MetaWebhooks.status;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.warden.application.port.out.MetaTemplateCatalog;
import dev.warden.application.service.ReconcileAccountsService;
import dev.warden.application.service.ReconciliationPorts;
import dev.warden.bootstrap.ApiClient.Reply;
import dev.warden.domain.organization.OrganizationRepository;
import dev.warden.domain.organization.WabaId;
import dev.warden.domain.template.MetaTemplateId;
import dev.warden.domain.template.QualityRating;
import dev.warden.domain.template.StatusEvent;
import dev.warden.domain.template.TemplateStatus;
import dev.warden.domain.organization.WhatsAppAccountRepository;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.LoggerFactory;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Reconciliation end to end: Warden on the embedded PostgreSQL, Meta's Graph API stood in for by
 * WireMock answering as meta-platform.md §5 says. A difference found by reconciliation has the
 * side effects a webhook would have had.
 */
@MicronautTest(transactional = false)
class ReconciliationIT extends ApiTest {

    @Inject
    OrganizationRepository organizations;
    @Inject
    WhatsAppAccountRepository accounts;
    @Inject
    ReconciliationPorts ports;
    @Inject
    MetaTemplateCatalog catalog;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("warden.meta.graph-url", GraphApi.url());
        properties.put("warden.meta.access-token", GraphApi.TOKEN);
        properties.put("warden.meta.graph.attempts", "2");
        properties.put("warden.meta.graph.backoff", "10ms");
        properties.put("warden.reconcile.enabled", "false");
        return properties;
    }

    /** An organisation with a registered WABA, an admin and a viewer. */
    final class Tenant {
        final String waba;
        final String org;
        final String admin;
        final String viewer;

        Tenant() {
            TestOrganization created = TestOrganization.create(api, root, "Tenant");
            waba = created.waba();
            org = created.org();
            admin = created.admin();
            viewer = created.viewer();
        }

        /** Meta's webhook says the template is {@code event}; returns Warden's id once it is applied. */
        String webhook(String metaTemplateId, String event, long time) {
            byte[] body = bytes(status(waba, time, metaTemplateId, event));
            assertThat(api.postWebhook(body, sign(body)).status()).isEqualTo(200);
            String[] id = new String[1];
            Eventually.holds(() -> {
                Map<String, Object> found = template(metaTemplateId);
                assertThat(found).containsEntry("status", event);
                id[0] = found.get("id").toString();
            });
            return id[0];
        }

        Map<String, Object> template(String metaTemplateId) {
            List<Map<String, Object>> found = items(api.get("/api/v1/templates?wabaId=" + waba + "&metaTemplateId="
                    + metaTemplateId, viewer));
            assertThat(found).hasSize(1);
            return found.get(0);
        }

        /** Asks for a sync and waits for its end; returns the finished job. */
        Map<String, Object> sync() {
            Reply accepted = api.post("/api/v1/whatsapp-accounts/" + waba + "/sync", admin, Map.of());
            assertThat(accepted.status()).isEqualTo(202);
            assertThat(accepted.body()).containsKeys("id", "status");
            return finished(accepted.text("id"));
        }

        Map<String, Object> finished(String jobId) {
            Map<String, Object>[] job = new Map[1];
            Eventually.holds(() -> {
                job[0] = api.get("/api/v1/sync-jobs/" + jobId, viewer).body();
                assertThat(job[0].get("status")).isNotEqualTo("RUNNING");
            });
            return job[0];
        }

        List<Map<String, Object>> alerts() {
            return items(api.get("/api/v1/alerts", admin));
        }
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> items(Reply reply) {
        return (List<Map<String, Object>>) reply.body().get("items");
    }

    @Test
    void a_multi_page_listing_imports_the_templates_only_meta_has_an_archived_one_included() {
        Tenant tenant = new Tenant();
        GraphApi.stubPage(tenant.waba, null, page(tenant.waba, "QVFIUcursor2",
                template("700001", "welcome_offer", "APPROVED", "MARKETING", "GREEN"),
                template("700002", "order_update", "PENDING", "UTILITY", "UNKNOWN")));
        GraphApi.stubPage(tenant.waba, "QVFIUcursor2", page(tenant.waba, null,
                template("700003", "old_promo", "ARCHIVED", "MARKETING", "YELLOW")));

        Map<String, Object> job = tenant.sync();

        assertThat(job).containsEntry("status", "COMPLETED").containsEntry("pagesFetched", 2)
                .containsEntry("templatesSeen", 3).containsEntry("errors", List.of());
        assertThat(tenant.template("700001")).containsEntry("name", "welcome_offer").containsEntry("status", "APPROVED")
                .containsEntry("category", "MARKETING").containsEntry("quality", "GREEN");
        assertThat(tenant.template("700002")).containsEntry("status", "PENDING").containsEntry("category", "UTILITY");
        Map<String, Object> archived = tenant.template("700003");
        assertThat(archived).containsEntry("status", "ARCHIVED").containsEntry("sendable", false);
        assertThat(tenant.alerts()).anySatisfy(alert -> assertThat(alert)
                .containsEntry("type", "TEMPLATE_ARCHIVED").containsEntry("templateId", archived.get("id")));
        List<Map<String, Object>> history = items(api.get("/api/v1/templates/" + archived.get("id")
                + "/status-history", tenant.viewer));
        assertThat(history).isNotEmpty().allSatisfy(line -> assertThat(line).containsEntry("source", "RECONCILE"));
    }

    @Test
    void a_missed_pause_is_healed_by_the_next_sync_with_the_side_effects_of_the_webhook() {
        Tenant tenant = new Tenant();
        String templateId = tenant.webhook("710001", "APPROVED", 1000);
        String campaign = api.post("/api/v1/campaigns", tenant.admin, Map.of("name", "Autumn sale",
                "templateId", templateId)).text("id");
        assertThat(api.post("/api/v1/campaigns/" + campaign + "/start", tenant.admin, Map.of()).text("status"))
                .isEqualTo("RUNNING");
        // Meta paused the template; its webhook never arrived.
        GraphApi.stubPage(tenant.waba, null, page(tenant.waba, null,
                template("710001", "order_update", "PAUSED", "UTILITY", "UNKNOWN")));

        Map<String, Object> job = tenant.sync();

        assertThat(job).containsEntry("status", "COMPLETED").containsEntry("changesApplied", 1);
        assertThat(api.get("/api/v1/campaigns/" + campaign, tenant.viewer).body()).containsEntry("status", "PAUSED")
                .containsEntry("pauseReason", "TEMPLATE_PAUSED").containsEntry("pausedBy", "SYSTEM");
        assertThat(tenant.template("710001")).containsEntry("status", "PAUSED").containsEntry("sendable", false);
        assertThat(tenant.alerts()).anySatisfy(alert -> assertThat(alert).containsEntry("type", "TEMPLATE_PAUSED")
                .containsEntry("templateId", templateId).containsEntry("state", "OPEN"));
        List<Map<String, Object>> history = items(api.get("/api/v1/templates/" + templateId + "/status-history",
                tenant.viewer));
        assertThat(history).anySatisfy(line -> assertThat(line).containsEntry("source", "RECONCILE")
                .containsEntry("current", "PAUSED"));

        assertThat(tenant.sync()).as("nothing differs any more").containsEntry("changesApplied", 0);
    }

    @Test
    void a_synced_template_meta_no_longer_lists_becomes_deleted_once_meta_says_it_does_not_exist() {
        Tenant tenant = new Tenant();
        tenant.webhook("720001", "APPROVED", 1000);
        tenant.webhook("720002", "APPROVED", 1000);
        tenant.webhook("720003", "APPROVED", 1000);
        GraphApi.stubPage(tenant.waba, null, page(tenant.waba, null,
                template("720002", "order_update", "APPROVED", "UTILITY", "UNKNOWN")));
        stubOne("720001", aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody("""
                {"error":{"message":"Unsupported get request. Object with ID '720001' does not exist",
                "type":"GraphMethodException","code":100,"error_subcode":33,"fbtrace_id":"A"}}"""));
        // Skipped by the list (Meta reordered it mid-walk) but there when asked by its id: not deleted.
        stubOne("720003", GraphApi.ok(template("720003", "order_update", "APPROVED", "UTILITY", "UNKNOWN")));

        assertThat(tenant.sync()).containsEntry("status", "COMPLETED").containsEntry("changesApplied", 1);

        assertThat(tenant.template("720001")).containsEntry("status", "DELETED");
        assertThat(tenant.template("720002")).containsEntry("status", "APPROVED");
        assertThat(tenant.template("720003")).containsEntry("status", "APPROVED");
    }

    private static void stubOne(String metaTemplateId,
                                com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
        GraphApi.server().stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(GraphApi.VERSION + "/" + metaTemplateId))
                .willReturn(answer));
    }

    @Test
    void meta_rate_limits_are_tried_again_then_the_job_fails_saying_so() {
        Tenant tenant = new Tenant();
        GraphApi.server().stubFor(GraphApi.listPage(tenant.waba, null).willReturn(GraphApi.error(400, 80008,
                "There have been too many calls to this WhatsApp Business account.")));

        Map<String, Object> job = tenant.sync();

        assertThat(job).containsEntry("status", "FAILED");
        assertThat(job.get("errors").toString()).contains("RATE_LIMITED").contains("80008");
        assertThat(GraphApi.listCalls(tenant.waba)).as("tried again once").isEqualTo(2);
    }

    @Test
    void a_server_error_is_tried_again_and_the_sync_completes() {
        Tenant tenant = new Tenant();
        String scenario = "flaky " + tenant.waba;
        GraphApi.server().stubFor(GraphApi.listPage(tenant.waba, null).inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(503))
                .willSetStateTo("recovered"));
        GraphApi.server().stubFor(GraphApi.listPage(tenant.waba, null).inScenario(scenario)
                .whenScenarioStateIs("recovered").willReturn(GraphApi.ok(page(tenant.waba, null,
                        template("730001", "welcome_offer", "APPROVED", "MARKETING", "GREEN")))));

        assertThat(tenant.sync()).containsEntry("status", "COMPLETED").containsEntry("templatesSeen", 1);
        assertThat(tenant.template("730001")).containsEntry("status", "APPROVED");
    }

    @Test
    void a_network_error_fails_the_job_as_unavailable_after_trying_again() {
        Tenant tenant = new Tenant();
        GraphApi.server().stubFor(GraphApi.listPage(tenant.waba, null)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        Map<String, Object> job = tenant.sync();

        assertThat(job).containsEntry("status", "FAILED");
        assertThat(job.get("errors").toString()).contains("UNAVAILABLE");
        assertThat(GraphApi.listCalls(tenant.waba)).isEqualTo(2);
    }

    @Test
    void a_refused_token_raises_a_critical_alert_and_warden_stops_calling_meta_for_the_waba() {
        Tenant tenant = new Tenant();
        GraphApi.server().stubFor(GraphApi.listPage(tenant.waba, null).willReturn(GraphApi.error(401, 190,
                "Error validating access token: Session has expired.")));

        Map<String, Object> job = tenant.sync();

        assertThat(job).containsEntry("status", "FAILED");
        assertThat(job.get("errors").toString()).contains("ACCESS_DENIED").contains("190")
                .doesNotContain(GraphApi.TOKEN);
        assertThat(GraphApi.listCalls(tenant.waba)).as("a refused token is not tried again").isEqualTo(1);
        assertThat(tenant.alerts()).anySatisfy(alert -> {
            assertThat(alert).containsEntry("type", "META_ACCESS_DENIED").containsEntry("severity", "CRITICAL")
                    .containsEntry("subject", Map.of("kind", "WABA", "key", tenant.waba));
            assertThat(alert.get("message").toString()).doesNotContain(GraphApi.TOKEN);
        });

        assertThat(tenant.sync()).containsEntry("status", "FAILED");
        assertThat(GraphApi.listCalls(tenant.waba)).as("no call until the token changes").isEqualTo(1);
    }

    @Test
    void an_answer_that_is_not_json_fails_the_job_and_changes_nothing() {
        Tenant tenant = new Tenant();
        GraphApi.server().stubFor(GraphApi.listPage(tenant.waba, null).willReturn(GraphApi.ok("<html>oops</html>")));

        Map<String, Object> job = tenant.sync();

        assertThat(job).containsEntry("status", "FAILED").containsEntry("pagesFetched", 0);
        assertThat(job.get("errors").toString()).contains("MALFORMED_RESPONSE").contains("not JSON");
    }

    @Test
    void progress_is_visible_while_a_slow_multi_page_sync_runs() {
        Tenant tenant = new Tenant();
        int delay = 700;
        GraphApi.server().stubFor(GraphApi.listPage(tenant.waba, null).willReturn(GraphApi.ok(page(tenant.waba, "p2",
                template("740001", "a_one", "APPROVED", "UTILITY", "GREEN"))).withFixedDelay(delay)));
        GraphApi.server().stubFor(GraphApi.listPage(tenant.waba, "p2").willReturn(GraphApi.ok(page(tenant.waba, "p3",
                template("740002", "a_two", "APPROVED", "UTILITY", "GREEN"))).withFixedDelay(delay)));
        GraphApi.server().stubFor(GraphApi.listPage(tenant.waba, "p3").willReturn(GraphApi.ok(page(tenant.waba, null,
                template("740003", "a_three", "APPROVED", "UTILITY", "GREEN"))).withFixedDelay(delay)));

        Reply accepted = api.post("/api/v1/whatsapp-accounts/" + tenant.waba + "/sync", tenant.admin, Map.of());
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.text("status")).isEqualTo("RUNNING");
        String id = accepted.text("id");

        Eventually.holds(() -> assertThat(api.get("/api/v1/sync-jobs/" + id, tenant.viewer).body())
                .containsEntry("status", "RUNNING").containsEntry("pagesFetched", 1).containsEntry("templatesSeen", 1));
        assertThat(api.post("/api/v1/whatsapp-accounts/" + tenant.waba + "/sync", tenant.admin, Map.of()).text("id"))
                .as("asking again while it runs gives the running job").isEqualTo(id);
        assertThat(tenant.finished(id)).containsEntry("status", "COMPLETED").containsEntry("pagesFetched", 3)
                .containsEntry("templatesSeen", 3);
    }

    @Test
    void two_reconcilers_at_once_on_one_database_reconcile_a_waba_once() {
        Tenant tenant = new Tenant();
        GraphApi.server().stubFor(GraphApi.listPage(tenant.waba, null).willReturn(GraphApi.ok(page(tenant.waba, null,
                template("750001", "welcome_offer", "APPROVED", "MARKETING", "GREEN"))).withFixedDelay(1000)));
        ReconcileAccountsService first = new ReconcileAccountsService(organizations, accounts, ports, Duration.ofHours(6));
        ReconcileAccountsService second = new ReconcileAccountsService(organizations, accounts, ports, Duration.ofHours(6));

        CompletableFuture<Integer> one = CompletableFuture.supplyAsync(first::reconcileDue);
        CompletableFuture<Integer> other = CompletableFuture.supplyAsync(second::reconcileDue);
        one.join();
        other.join();

        assertThat(GraphApi.listCalls(tenant.waba)).isEqualTo(1);
        assertThat(tenant.template("750001")).containsEntry("status", "APPROVED");
    }

    @Test
    void only_an_admin_of_the_wabas_organisation_may_sync_it_and_jobs_stay_in_their_organisation() {
        Tenant tenant = new Tenant();
        Tenant other = new Tenant();
        GraphApi.stubPage(tenant.waba, null, page(tenant.waba, null));
        String path = "/api/v1/whatsapp-accounts/" + tenant.waba + "/sync";

        assertThat(api.post(path, tenant.viewer, Map.of()).status()).isEqualTo(403);
        Reply foreign = api.post(path, other.admin, Map.of());
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.contentType()).startsWith("application/problem+json");
        assertThat(api.post(path, other.viewer, Map.of()).status()).as("viewers never write").isEqualTo(403);
        assertThat(api.post(path, null, Map.of()).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/whatsapp-accounts/not-a-waba/sync", tenant.admin, Map.of()).status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/whatsapp-accounts/" + MetaWebhooks.randomWaba() + "/sync", root, Map.of())
                .status()).isEqualTo(404);

        Reply bySuperAdmin = api.post(path, root, Map.of());
        assertThat(bySuperAdmin.status()).isEqualTo(202);
        String id = bySuperAdmin.text("id");
        assertThat(tenant.finished(id)).containsEntry("status", "COMPLETED").containsEntry("wabaId", tenant.waba);
        assertThat(items(api.get("/api/v1/audit-log?resource=WHATSAPP_ACCOUNT:" + tenant.waba + "&organizationId="
                + tenant.org, root))).extracting(e -> e.get("action") + " " + e.get("actor") + " " + e.get("after"))
                .containsExactly("WHATSAPP_ACCOUNT_SYNC_REQUESTED root {syncJob=" + id + "}",
                        "WHATSAPP_ACCOUNT_REGISTERED root {name=Main}");
        assertThat(api.get("/api/v1/sync-jobs/" + id, other.admin).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/sync-jobs/" + id, root).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/sync-jobs/not-a-uuid", tenant.viewer).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/sync-jobs/" + UUID.randomUUID(), tenant.viewer).status()).isEqualTo(404);
    }

    @Test
    void one_template_is_read_by_its_id_and_an_id_meta_does_not_know_is_empty() {
        String waba = MetaWebhooks.randomWaba();
        GraphApi.server().stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(GraphApi.VERSION + "/760001"))
                .willReturn(GraphApi.ok(template("760001", "order_update", "PAUSED", "UTILITY", "RED"))));
        GraphApi.server().stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(GraphApi.VERSION + "/760002"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody("""
                        {"error":{"message":"Unsupported get request. Object with ID '760002' does not exist",
                        "type":"GraphMethodException","code":100,"error_subcode":33,"fbtrace_id":"A"}}""")));

        assertThat(catalog.template(new WabaId(waba), new MetaTemplateId("760001"))).hasValueSatisfying(view -> {
            assertThat(view.status()).isEqualTo(StatusEvent.of(TemplateStatus.PAUSED));
            assertThat(view.quality()).isEqualTo(QualityRating.RED);
        });
        assertThat(catalog.template(new WabaId(waba), new MetaTemplateId("760002"))).isEmpty();
    }

    @Test
    void a_job_failed_as_abandoned_by_another_instance_stops_and_applies_no_further_page() {
        Tenant tenant = new Tenant();
        GraphApi.server().stubFor(GraphApi.listPage(tenant.waba, null).willReturn(GraphApi.ok(page(tenant.waba, "p2",
                template("780001", "a_one", "APPROVED", "UTILITY", "GREEN")))));
        GraphApi.server().stubFor(GraphApi.listPage(tenant.waba, "p2").willReturn(GraphApi.ok(page(tenant.waba, "p3",
                template("780002", "a_two", "APPROVED", "UTILITY", "GREEN"))).withFixedDelay(1500)));
        GraphApi.server().stubFor(GraphApi.listPage(tenant.waba, "p3").willReturn(GraphApi.ok(page(tenant.waba, null,
                template("780003", "a_three", "APPROVED", "UTILITY", "GREEN")))));
        String id = api.post("/api/v1/whatsapp-accounts/" + tenant.waba + "/sync", tenant.admin, Map.of()).text("id");
        Eventually.holds(() -> assertThat(api.get("/api/v1/sync-jobs/" + id, tenant.viewer).body())
                .containsEntry("pagesFetched", 1));

        // Another instance, started meanwhile, took the job for dead (its heartbeat looked stale) and failed it.
        sql("UPDATE sync_jobs SET status = 'FAILED', finished_at = now(), errors = errors || '{abandoned: test}'"
                + " WHERE id = '" + id + "'");

        Eventually.holds(() -> assertThat(GraphApi.server().countRequestsMatching(GraphApi.listPage(tenant.waba, "p2")
                .build().getRequest()).getCount()).isEqualTo(1));
        Map<String, Object> job = tenant.finished(id);
        assertThat(job).containsEntry("status", "FAILED").containsEntry("pagesFetched", 1)
                .containsEntry("errors", List.of("abandoned: test"));
        try {
            Thread.sleep(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertThat(GraphApi.server().countRequestsMatching(GraphApi.listPage(tenant.waba, "p3").build().getRequest())
                .getCount()).as("the abandoned job asks for no further page").isZero();
        assertThat(items(api.get("/api/v1/templates?wabaId=" + tenant.waba + "&metaTemplateId=780002", tenant.viewer)))
                .as("the page read after the job was failed is not applied").isEmpty();
        assertThat(api.get("/api/v1/sync-jobs/" + id, tenant.viewer).body()).containsEntry("pagesFetched", 1)
                .containsEntry("errors", List.of("abandoned: test"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void an_internal_error_shows_a_reference_not_its_text_and_logs_the_exception() {
        Tenant tenant = new Tenant();
        // A database refusal whose text (SQL detail) must stay in the server's log.
        sql("CREATE OR REPLACE FUNCTION refuse_test_template() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                + " RAISE EXCEPTION 'secret detail: relation templates column quality_internal'; END $$");
        sql("CREATE OR REPLACE TRIGGER refuse_test_template BEFORE INSERT ON templates FOR EACH ROW"
                + " WHEN (NEW.name = 'refused_by_trigger') EXECUTE FUNCTION refuse_test_template()");
        GraphApi.stubPage(tenant.waba, null, page(tenant.waba, null,
                template("790001", "refused_by_trigger", "APPROVED", "UTILITY", "GREEN")));
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger rootLogger = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);
        log.start();
        rootLogger.addAppender(log);
        Map<String, Object> job;
        try {
            job = tenant.sync();
        } finally {
            rootLogger.detachAppender(log);
            sql("DROP TRIGGER refuse_test_template ON templates");
        }

        assertThat(job).containsEntry("status", "FAILED");
        List<String> errors = (List<String>) job.get("errors");
        assertThat(errors).singleElement().satisfies(error -> assertThat(error).startsWith("INTERNAL_ERROR: ")
                .contains("reference ").doesNotContain("secret detail").doesNotContain("Exception")
                .doesNotContain("SQL"));
        String reference = errors.get(0).replaceAll(".*reference ([0-9a-f-]+).*", "$1");
        assertThat(log.list).anySatisfy(event -> {
            assertThat(event.getFormattedMessage()).contains(reference).contains(tenant.waba);
            assertThat(event.getThrowableProxy()).isNotNull();
            assertThat(event.getLevel().toString()).isEqualTo("ERROR");
        });
    }

    private void sql(String statement) {
        // Its own connection, as another instance (or an operator) would have.
        try (Connection connection = TestPostgres.server().getPostgresDatabase().getConnection();
             Statement s = connection.createStatement()) {
            s.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
