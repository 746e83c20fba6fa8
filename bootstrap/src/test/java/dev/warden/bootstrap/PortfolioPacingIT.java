package dev.warden.bootstrap;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.warden.bootstrap.Tenant.items;
import static dev.warden.bootstrap.TransactionalSendIT.error;
import static dev.warden.bootstrap.TransactionalSendIT.messages;
import static dev.warden.bootstrap.TransactionalSendIT.phoneNumberId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.warden.bootstrap.ApiClient.Reply;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.api.Pair;

/**
 * The circuit breaker and portfolio pacing end to end (ADR 0018), WireMock standing in for Meta: a
 * template send refused as paused (132015) is asked of Meta ({@code GET /{TEMPLATE_ID}}); still APPROVED
 * means portfolio pacing, a CRITICAL alert and every campaign of the WABA held until a person releases
 * it; PAUSED is applied as a reconciliation would; a disabled template (132016) holds its campaigns.
 */
@MicronautTest(transactional = false)
class PortfolioPacingIT extends SendingApiTest {

    private static final Map<String, String> OFFER = Map.of("1", "Ana", "2", "two for one");

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("warden.notify.retry.base", "100ms");
        properties.put("warden.notify.retry.cap", "200ms");
        return properties;
    }

    @Test
    void paused_sends_of_an_approved_template_are_pacing_that_holds_the_whole_waba_until_a_person_releases_it() {
        SendingTenant tenant = new SendingTenant(api, root);
        SendingTenant other = new SendingTenant(api, root);
        String number = phoneNumberId();
        String offer = tenant.template("weekly_offer", "MARKETING", "Hi {{1}}, this week: {{2}}.");
        String reminder = tenant.template("reminder", "UTILITY", "Order {{1}} is ready.");
        tenant.map("WEEKLY_OFFER", offer, "META", number);
        String offerCampaign = started(tenant, offer, "Offers");
        String reminderCampaign = started(tenant, reminder, "Reminders");
        String pausedByHand = started(tenant, reminder, "Paused by hand");
        assertThat(api.post("/api/v1/campaigns/" + pausedByHand + "/pause", tenant.admin, Map.of()).status())
                .isEqualTo(200);
        String elsewhere = started(other, other.template("weekly_offer", "MARKETING", "Hi {{1}}: {{2}}."), "Other");
        String metaId = metaId(tenant, offer);
        GraphApi.server().stubFor(post(urlEqualTo(messages(number))).willReturn(aResponse().withStatus(400)
                .withBody(error(132015, "Template is paused"))));
        GraphApi.server().stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo(GraphApi.VERSION + "/" + metaId)).willReturn(GraphApi.ok(
                GraphApi.template(metaId, "weekly_offer", "APPROVED", "MARKETING", "GREEN"))));

        // A burst: both refused as paused, Meta asked once.
        for (String key : List.of("p1", "p2")) {
            assertThat(failed(tenant, tenant.event("WEEKLY_OFFER", key, "+919810040001", OFFER)))
                    .contains("TEMPLATE_PAUSED");
        }

        Eventually.holds(() -> assertThat(items(api.get("/api/v1/alerts?type=PORTFOLIO_PACING", tenant.viewer)))
                .singleElement().satisfies(alert -> assertThat(alert).containsEntry("severity", "CRITICAL")
                        .containsEntry("state", "OPEN")));
        GraphApi.server().verify(1, getRequestedFor(urlPathEqualTo(GraphApi.VERSION + "/" + metaId)));
        assertThat(api.get("/api/v1/templates/" + offer, tenant.viewer).text("status")).isEqualTo("APPROVED");
        for (String campaign : List.of(offerCampaign, reminderCampaign)) {
            assertThat(campaign(tenant, campaign)).containsEntry("status", "PAUSED");
            assertThat(causes(tenant, campaign)).containsExactly("PORTFOLIO_PACING");
        }
        assertThat(causes(tenant, pausedByHand)).containsExactlyInAnyOrder("MANUAL", "PORTFOLIO_PACING");
        assertThat(campaign(other, elsewhere)).containsEntry("status", "RUNNING");

        // Only an admin of the WABA's organisation releases it.
        String release = "/api/v1/whatsapp-accounts/" + tenant.waba + "/pacing/release";
        assertThat(api.post(release, tenant.viewer, Map.of()).status()).isEqualTo(403);
        assertThat(api.post(release, other.admin, Map.of()).status()).isEqualTo(404);
        Reply released = api.post(release, tenant.admin, Map.of());
        assertThat(released.status()).as(released.toString()).isEqualTo(200);
        assertThat(released.body()).containsEntry("wabaId", tenant.waba).containsEntry("campaignsReleased", 3)
                .containsEntry("campaignsResumed", 2).containsEntry("alertResolved", true);

        assertThat(campaign(tenant, offerCampaign)).containsEntry("status", "RUNNING");
        assertThat(campaign(tenant, reminderCampaign)).containsEntry("status", "RUNNING");
        assertThat(causes(tenant, pausedByHand)).containsExactly("MANUAL");
        assertThat(items(api.get("/api/v1/alerts?type=PORTFOLIO_PACING", tenant.viewer))).singleElement()
                .satisfies(alert -> assertThat(alert).containsEntry("state", "RESOLVED"));
        assertThat(items(api.get("/api/v1/audit-log?resource=WHATSAPP_ACCOUNT:" + tenant.waba, tenant.admin)))
                .filteredOn(entry -> "PORTFOLIO_PACING_RELEASED".equals(entry.get("action"))).singleElement()
                .satisfies(entry -> assertThat(entry.get("actor").toString()).startsWith("org_admin_"));
    }

    @Test
    void a_paused_send_meta_confirms_pauses_the_template_with_history_and_its_campaigns_until_approval() {
        SendingTenant tenant = new SendingTenant(api, root);
        String number = phoneNumberId();
        String offer = tenant.template("spring_offer", "MARKETING", "Hi {{1}}, this spring: {{2}}.");
        tenant.map("WEEKLY_OFFER", offer, "META", number);
        String campaign = started(tenant, offer, "Spring");
        String metaId = metaId(tenant, offer);
        GraphApi.server().stubFor(post(urlEqualTo(messages(number))).willReturn(aResponse().withStatus(400)
                .withBody(error(132015, "Template is paused"))));
        GraphApi.server().stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo(GraphApi.VERSION + "/" + metaId)).willReturn(GraphApi.ok(
                GraphApi.template(metaId, "spring_offer", "PAUSED", "MARKETING", "RED"))));

        assertThat(failed(tenant, tenant.event("WEEKLY_OFFER", "s1", "+919810040002", OFFER)))
                .contains("TEMPLATE_PAUSED");

        Eventually.holds(() -> assertThat(api.get("/api/v1/templates/" + offer, tenant.viewer).text("status"))
                .isEqualTo("PAUSED"));
        assertThat(items(api.get("/api/v1/templates/" + offer + "/status-history", tenant.viewer)))
                .anySatisfy(entry -> assertThat(entry).containsEntry("source", "RECONCILE")
                        .containsEntry("current", "PAUSED").containsEntry("previous", "APPROVED"));
        assertThat(items(api.get("/api/v1/alerts?type=TEMPLATE_PAUSED", tenant.viewer))).hasSize(1);
        assertThat(items(api.get("/api/v1/alerts?type=PORTFOLIO_PACING", tenant.viewer))).isEmpty();
        assertThat(campaign(tenant, campaign)).containsEntry("status", "PAUSED");
        assertThat(causes(tenant, campaign)).containsExactlyInAnyOrder("SEND_ERROR", "TEMPLATE_STATUS");

        // Meta unpauses it (later than Warden read the pause): both holds go, the campaign runs again.
        tenant.deliver(MetaWebhooks.envelope(tenant.waba, java.time.Instant.now().getEpochSecond() + 60,
                "message_template_status_update", """
                {"event":"APPROVED","message_template_id":%s,"message_template_name":"spring_offer",
                 "message_template_language":"en_US","reason":"NONE"}""".formatted(metaId)));
        Eventually.holds(() -> assertThat(campaign(tenant, campaign)).containsEntry("status", "RUNNING"));
        assertThat(causes(tenant, campaign)).isEmpty();
    }

    @Test
    void a_disabled_template_holds_its_campaigns_with_a_send_error_without_asking_meta() {
        SendingTenant tenant = new SendingTenant(api, root);
        String number = phoneNumberId();
        String offer = tenant.template("autumn_offer", "MARKETING", "Hi {{1}}, this autumn: {{2}}.");
        String untouched = tenant.template("autumn_notice", "UTILITY", "Order {{1}} ships.");
        tenant.map("WEEKLY_OFFER", offer, "META", number);
        String campaign = started(tenant, offer, "Autumn");
        String otherTemplate = started(tenant, untouched, "Notices");
        String metaId = metaId(tenant, offer);
        GraphApi.server().stubFor(post(urlEqualTo(messages(number))).willReturn(aResponse().withStatus(400)
                .withBody(error(132016, "Template is disabled"))));

        assertThat(failed(tenant, tenant.event("WEEKLY_OFFER", "d1", "+919810040003", OFFER)))
                .contains("TEMPLATE_DISABLED");

        Eventually.holds(() -> assertThat(causes(tenant, campaign)).containsExactly("SEND_ERROR"));
        assertThat(campaign(tenant, campaign)).containsEntry("status", "PAUSED");
        assertThat(((List<?>) campaign(tenant, campaign).get("holds"))).singleElement()
                .satisfies(hold -> assertThat(((Map<?, ?>) hold).get("detail")).isEqualTo("TEMPLATE_DISABLED"));
        assertThat(campaign(tenant, otherTemplate)).containsEntry("status", "RUNNING");
        GraphApi.server().verify(0, getRequestedFor(urlPathEqualTo(GraphApi.VERSION + "/" + metaId)));
        // A person may resume past a send error (Meta may never be asked again); a template still disabled
        // refuses the next send, and the campaign is held again.
        Reply resumed = api.post("/api/v1/campaigns/" + campaign + "/resume", tenant.admin, Map.of());
        assertThat(resumed.status()).as(resumed.toString()).isEqualTo(200);
        assertThat(resumed.text("status")).isEqualTo("RUNNING");
        assertThat(failed(tenant, tenant.event("WEEKLY_OFFER", "d2", "+919810040004", OFFER)))
                .contains("TEMPLATE_DISABLED");
        Eventually.holds(() -> assertThat(causes(tenant, campaign)).containsExactly("SEND_ERROR"));
    }

    @Test
    void any_path_value_of_the_release_route_gets_a_clear_4xx_never_a_5xx() {
        Gen<String> anySegment = Generate.frequency(
                Pair.of(3, strings().allPossible().ofLengthBetween(1, 40)),
                Pair.of(1, Generate.pick(List.of("0", "-1", "1e3", "99999999999999999999999999999999999",
                        "%00", "%2F", "..", "x".repeat(300)))));
        qt().withExamples(150).forAll(anySegment).checkAssert(value -> {
            String segment = URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
            Reply release = api.post("/api/v1/whatsapp-accounts/" + segment + "/pacing/release", root, Map.of());
            assertThat(release.status()).as(value + " -> " + release).isIn(400, 404, 405);
        });
    }

    private String started(SendingTenant tenant, String templateId, String name) {
        Reply created = api.post("/api/v1/campaigns", tenant.admin, Map.of("name", name, "templateId", templateId));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.text("id");
        assertThat(api.post("/api/v1/campaigns/" + id + "/start", tenant.admin, Map.of()).text("status"))
                .isEqualTo("RUNNING");
        return id;
    }

    private String metaId(SendingTenant tenant, String templateId) {
        return api.get("/api/v1/templates/" + templateId, tenant.viewer).text("metaTemplateId");
    }

    private Map<String, Object> campaign(SendingTenant tenant, String id) {
        return api.get("/api/v1/campaigns/" + id, tenant.viewer).body();
    }

    private List<String> causes(SendingTenant tenant, String id) {
        return ((List<?>) campaign(tenant, id).get("holds")).stream()
                .map(hold -> ((Map<?, ?>) hold).get("cause").toString()).toList();
    }

    /** The send's last error once it failed for good. */
    private static String failed(SendingTenant tenant, Reply queued) {
        assertThat(queued.status()).as(queued.toString()).isEqualTo(202);
        Eventually.holds(() -> assertThat(tenant.notification(queued.text("id")).get("status")).isEqualTo("FAILED"));
        return String.valueOf(tenant.notification(queued.text("id")).get("lastError"));
    }
}
