package dev.warden.bootstrap;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.warden.bootstrap.GraphApi.page;
import static dev.warden.bootstrap.GraphApi.template;
import static dev.warden.bootstrap.MetaWebhooks.bytes;
import static dev.warden.bootstrap.MetaWebhooks.sign;
import static dev.warden.bootstrap.MetaWebhooks.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.bootstrap.ApiClient.Reply;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Warden's budget of Graph calls per WABA and hour counts every call a sync makes: the list's pages
 * and the by-id lookups that confirm a template is gone. Its own context: a budget of 4 calls.
 */
@MicronautTest(transactional = false)
class SyncBudgetIT extends ApiTest {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("warden.meta.graph-url", GraphApi.url());
        properties.put("warden.meta.access-token", GraphApi.TOKEN);
        properties.put("warden.meta.graph.attempts", "1");
        properties.put("warden.reconcile.enabled", "false");
        properties.put("warden.reconcile.calls-per-hour", "4");
        return properties;
    }

    @Test
    void lookups_by_id_are_counted_and_a_sync_that_would_overspend_asks_for_none_and_deletes_nothing() {
        TestOrganization tenant = TestOrganization.create(api, root, "Budget");
        for (String id : List.of("810001", "810002", "810003")) {
            webhook(tenant, id);
        }
        // Meta lists none of the three: confirming each by id takes three more calls, four in all.
        GraphApi.stubPage(tenant.waba(), null, page(tenant.waba(), null));
        for (String id : List.of("810001", "810002", "810003")) {
            GraphApi.server().stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo(GraphApi.VERSION + "/" + id)).willReturn(aResponse()
                    .withStatus(400).withHeader("Content-Type", "application/json").withBody("""
                            {"error":{"message":"Unsupported get request. Object with ID '%s' does not exist",
                            "type":"GraphMethodException","code":100,"error_subcode":33,"fbtrace_id":"A"}}"""
                            .formatted(id))));
        }

        Map<String, Object> first = sync(tenant);
        assertThat(first).containsEntry("status", "COMPLETED").containsEntry("changesApplied", 3);

        // The budget (4) is spent by the page and the three lookups: the next sync makes no call at all.
        int callsBefore = GraphApi.server().getAllServeEvents().size();
        Map<String, Object> second = sync(tenant);
        assertThat(second).containsEntry("status", "FAILED");
        assertThat(second.get("errors").toString()).contains("RATE_LIMITED").contains("budget");
        assertThat(GraphApi.server().getAllServeEvents().size()).isEqualTo(callsBefore);
    }

    @Test
    void a_sync_whose_lookups_would_pass_the_budget_fails_before_asking_and_deletes_nothing() {
        TestOrganization tenant = TestOrganization.create(api, root, "Budget");
        List<String> ids = List.of("820001", "820002", "820003", "820004");
        ids.forEach(id -> webhook(tenant, id));
        GraphApi.stubPage(tenant.waba(), null, page(tenant.waba(), null));

        Map<String, Object> job = sync(tenant);

        assertThat(job).containsEntry("status", "FAILED").containsEntry("pagesFetched", 1);
        assertThat(job.get("errors").toString()).contains("RATE_LIMITED").contains("budget");
        for (String id : ids) {
            assertThat(GraphApi.server().countRequestsMatching(getRequestedFor(urlPathEqualTo(GraphApi.VERSION + "/"
                    + id)).build()).getCount()).as("no lookup beyond the budget").isZero();
            assertThat(template(tenant, id)).containsEntry("status", "APPROVED");
        }
    }

    private void webhook(TestOrganization tenant, String metaTemplateId) {
        byte[] body = bytes(status(tenant.waba(), 1000, metaTemplateId, "APPROVED"));
        assertThat(api.postWebhook(body, sign(body)).status()).isEqualTo(200);
        Eventually.holds(() -> assertThat(template(tenant, metaTemplateId)).containsEntry("status", "APPROVED"));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> template(TestOrganization tenant, String metaTemplateId) {
        List<Map<String, Object>> found = (List<Map<String, Object>>) api.get("/api/v1/templates?wabaId="
                + tenant.waba() + "&metaTemplateId=" + metaTemplateId, tenant.viewer()).body().get("items");
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private Map<String, Object> sync(TestOrganization tenant) {
        Reply accepted = api.post("/api/v1/whatsapp-accounts/" + tenant.waba() + "/sync", tenant.admin(), Map.of());
        assertThat(accepted.status()).isEqualTo(202);
        String id = accepted.text("id");
        Map<String, Object>[] job = new Map[1];
        Eventually.holds(() -> {
            job[0] = api.get("/api/v1/sync-jobs/" + id, tenant.viewer()).body();
            assertThat(job[0].get("status")).isNotEqualTo("RUNNING");
        });
        return job[0];
    }
}
