package dev.warden.bootstrap;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.warden.bootstrap.Tenant.items;
import static dev.warden.bootstrap.TransactionalSendIT.accepted;
import static dev.warden.bootstrap.TransactionalSendIT.messages;
import static dev.warden.bootstrap.TransactionalSendIT.phoneNumberId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.bootstrap.ApiClient.Reply;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Campaign fallback templates (issue 11 §6, docs/adr/0020), end to end with WireMock standing in for Meta: a
 * campaign names a fallback with the same parameters; while a signed webhook has its template paused it keeps
 * running and its sends go out with the fallback, each recording it, one alert telling it; the template approved
 * again, sends go with it and the alert resolves; with both paused the campaign is held and sends nothing until
 * one of them is approved again.
 */
@MicronautTest(transactional = false)
class CampaignFallbackIT extends SendingApiTest {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("warden.notify.retry.base", "100ms");
        properties.put("warden.notify.retry.cap", "200ms");
        return properties;
    }

    /** An organisation with a template, a fallback of the same parameters, a campaign naming both, and a number. */
    private final class Setup {
        final SendingTenant tenant = new SendingTenant(api, root);
        final String number = phoneNumberId();
        final String template;
        final String fallback;
        final String campaign;
        private long time = 2000;
        private int next;

        Setup(String name) {
            template = tenant.template(name, "UTILITY", "Hi {{1}}, your offer {{2}} is ready.");
            fallback = tenant.template(name + "_plain", "UTILITY", "Offer {{2}} is ready for {{1}}.");
            tenant.ownsNumber(number);
            Reply created = create(name, template, fallback);
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            campaign = created.text("id");
            GraphApi.server().stubFor(post(urlEqualTo(messages(number)))
                    .willReturn(aResponse().withStatus(200).withBody(accepted("wamid.fallback"))));
        }

        Reply create(String name, String own, String standIn) {
            Map<String, Object> body = new HashMap<>(Map.of("name", name, "templateId", own));
            if (standIn != null) {
                body.put("fallbackTemplateId", standIn);
            }
            return api.post("/api/v1/campaigns", tenant.admin, body);
        }

        /** Adds {@code n} new recipients; answers their numbers. */
        List<String> add(int n) {
            List<String> to = new ArrayList<>();
            List<Map<String, Object>> recipients = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String r = "+91981008" + String.format("%04d", next++);
                to.add(r);
                recipients.add(Map.of("to", r, "params", List.of("Ana", "X-" + r.substring(r.length() - 3))));
            }
            Reply added = api.post("/api/v1/campaigns/" + campaign + "/recipients", tenant.admin,
                    Map.of("provider", "META", "phoneNumberId", number, "recipients", recipients));
            assertThat(added.status()).as(added.toString()).isEqualTo(200);
            return to;
        }

        void setStatus(String which, String status) {
            String meta = api.get("/api/v1/templates/" + which, tenant.admin).text("metaTemplateId");
            tenant.deliver(MetaWebhooks.status(tenant.waba, time++, meta, status));
            Eventually.holds(() -> assertThat(api.get("/api/v1/templates/" + which, tenant.admin).text("status"))
                    .isEqualTo(status));
        }

        Map<String, Object> campaign() {
            return api.get("/api/v1/campaigns/" + campaign, tenant.viewer).body();
        }

        @SuppressWarnings("unchecked")
        long progress(String field) {
            return ((Number) ((Map<String, Object>) campaign().get("progress")).get(field)).longValue();
        }

        /** The campaign's sends to these recipients, as GET /api/v1/notifications/{id} shows each. */
        List<Map<String, Object>> sendsTo(List<String> to) {
            return items(api.get("/api/v1/notifications?channel=WHATSAPP&size=100", tenant.viewer)).stream()
                    .filter(n -> to.contains(n.get("recipient")))
                    .map(n -> tenant.notification((String) n.get("id"))).toList();
        }

        void verifyCalls(List<String> to, String templateName) {
            for (String r : to) {
                GraphApi.server().verify(1, postRequestedFor(urlEqualTo(messages(number)))
                        .withRequestBody(matchingJsonPath("$.to", equalTo(r.substring(1))))
                        .withRequestBody(matchingJsonPath("$.template.name", equalTo(templateName)))
                        .withRequestBody(matchingJsonPath("$.template.components[0].parameters[0].text",
                                equalTo("Ana"))));
            }
        }

        List<Map<String, Object>> fallbackAlerts() {
            return items(api.get("/api/v1/alerts?type=FALLBACK_TEMPLATE_USED&templateId=" + template, tenant.viewer));
        }
    }

    @Test
    void a_campaign_names_a_fallback_with_the_same_parameters_and_one_that_does_not_fit_is_refused() {
        Setup s = new Setup("autumn_offer");
        String fewer = s.tenant.template("autumn_short", "UTILITY", "Hi {{1}}, your offer is ready.");
        SendingTenant other = new SendingTenant(api, root);
        String foreign = other.template("autumn_offer", "UTILITY", "Hi {{1}}, your offer {{2}} is ready.");

        assertThat(s.campaign()).containsEntry("templateId", s.template).containsEntry("fallbackTemplateId", s.fallback);
        Reply differs = s.create("autumn_b", s.template, fewer);
        assertThat(differs.status()).as(differs.toString()).isEqualTo(400);
        assertThat(differs.text("detail")).contains("fallbackTemplateId").contains("BODY variables [1, 2] vs [1]");
        Reply itself = s.create("autumn_c", s.template, s.template);
        assertThat(itself.status()).as(itself.toString()).isEqualTo(400);
        assertThat(itself.text("detail")).contains("fallbackTemplateId");
        assertThat(s.create("autumn_d", s.template, foreign).status()).isEqualTo(404);
        Reply malformed = s.create("autumn_e", s.template, "not-an-id");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.text("detail")).contains("fallbackTemplateId");
        Reply none = s.create("autumn_f", s.template, null);
        assertThat(none.status()).isEqualTo(201);
        assertThat(none.body().get("fallbackTemplateId")).isNull();
        assertThat(items(api.get("/api/v1/campaigns?size=100", s.tenant.viewer))).hasSize(2);
        // The template a campaign falls back on is in use by it.
        assertThat(items(api.get("/api/v1/campaigns?templateId=" + s.fallback, s.tenant.viewer)))
                .extracting(c -> c.get("id")).containsExactly(s.campaign);
    }

    @Test
    void a_paused_template_leaves_its_campaign_running_on_the_fallback_until_it_is_approved_again() {
        Setup s = new Setup("harvest_offer");
        List<String> before = s.add(3);
        assertThat(api.post("/api/v1/campaigns/" + s.campaign + "/start", s.tenant.admin, Map.of()).text("status"))
                .isEqualTo("RUNNING");
        Eventually.holds(() -> assertThat(s.progress("sent")).isEqualTo(3));
        s.verifyCalls(before, "harvest_offer");

        s.setStatus(s.template, "PAUSED");
        List<String> during = s.add(4);

        Eventually.holds(() -> assertThat(s.progress("sent")).isEqualTo(7));
        assertThat(s.campaign()).containsEntry("status", "RUNNING");
        assertThat((List<?>) s.campaign().get("holds")).isEmpty();
        s.verifyCalls(during, "harvest_offer_plain");
        assertThat(s.sendsTo(during)).hasSize(4).allSatisfy(sent -> {
            assertThat(sent).containsEntry("status", "SENT").containsEntry("title", "Template harvest_offer_plain");
            assertThat(sent.get("fallbackFrom")).isEqualTo(Map.of("templateId", s.template, "name", "harvest_offer",
                    "language", "en_US", "status", "PAUSED"));
        });
        assertThat(s.sendsTo(before)).allSatisfy(sent -> assertThat(sent.get("fallbackFrom")).isNull());
        assertThat(s.fallbackAlerts()).singleElement().satisfies(alert -> assertThat(alert)
                .containsEntry("severity", "MEDIUM").containsEntry("state", "OPEN").containsEntry("count", 1));

        s.setStatus(s.template, "APPROVED");
        Eventually.holds(() -> assertThat(s.fallbackAlerts()).singleElement()
                .satisfies(alert -> assertThat(alert).containsEntry("state", "RESOLVED")));
        List<String> after = s.add(2);

        Eventually.holds(() -> assertThat(s.progress("sent")).isEqualTo(9));
        s.verifyCalls(after, "harvest_offer");
        assertThat(s.sendsTo(after)).allSatisfy(sent -> assertThat(sent.get("fallbackFrom")).isNull());
        assertThat(s.fallbackAlerts()).hasSize(1);
    }

    @Test
    void with_both_templates_paused_the_campaign_is_held_and_runs_again_when_either_is_approved() {
        Setup s = new Setup("winter_offer");
        assertThat(api.post("/api/v1/campaigns/" + s.campaign + "/start", s.tenant.admin, Map.of()).text("status"))
                .isEqualTo("RUNNING");
        s.setStatus(s.template, "PAUSED");
        assertThat(s.campaign()).containsEntry("status", "RUNNING");

        s.setStatus(s.fallback, "PAUSED");

        Eventually.holds(() -> assertThat(s.campaign()).containsEntry("status", "PAUSED")
                .containsEntry("pauseReason", "TEMPLATE_PAUSED"));
        List<String> held = s.add(3);
        assertThat(s.progress("held")).isEqualTo(3);
        // The dispatchers ran since: a send of the fallback's own campaign would have gone; this one waits.
        assertThat(s.sendsTo(held)).allSatisfy(send -> assertThat(send).containsEntry("status", "HELD"));
        GraphApi.server().verify(0, postRequestedFor(urlEqualTo(messages(s.number))));

        s.setStatus(s.fallback, "APPROVED");

        Eventually.holds(() -> assertThat(s.progress("sent")).isEqualTo(3));
        assertThat(s.campaign()).containsEntry("status", "RUNNING");
        s.verifyCalls(held, "winter_offer_plain");
        assertThat(items(api.get("/api/v1/campaigns/" + s.campaign + "/hold-history", s.tenant.viewer)))
                .extracting(h -> h.get("cause") + " " + h.get("action"))
                .containsExactly("TEMPLATE_STATUS LIFTED", "TEMPLATE_STATUS PLACED");
    }
}
