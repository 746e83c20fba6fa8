package dev.warden.bootstrap;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.warden.bootstrap.Tenant.items;
import static dev.warden.bootstrap.TransactionalSendIT.accepted;
import static dev.warden.bootstrap.TransactionalSendIT.error;
import static dev.warden.bootstrap.TransactionalSendIT.messages;
import static dev.warden.bootstrap.TransactionalSendIT.phoneNumberId;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import dev.warden.bootstrap.ApiClient.Reply;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Meta's refusals of customer sends, each class kept at its scope (WireMock stands in for Meta): an
 * opt-out and a cool-down stop marketing to that contact only, an undeliverable recipient says
 * nothing about the template, a throughput limit is waited out, a locked account stops every send of
 * the WABA with a CRITICAL alert; and free-form texts go only inside the customer-service window.
 */
@MicronautTest(transactional = false)
class SendRefusalsIT extends SendingApiTest {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("warden.notify.retry.base", "100ms");
        properties.put("warden.notify.retry.cap", "200ms");
        return properties;
    }

    private static MappingBuilder to(String number, String contact) {
        return post(urlEqualTo(messages(number))).atPriority(1)
                .withRequestBody(matchingJsonPath("$.to", equalTo(contact)));
    }

    private static void answer(String number, String contact, int code, String message) {
        GraphApi.server().stubFor(to(number, contact).willReturn(aResponse().withStatus(400)
                .withBody(error(code, message))));
    }

    private static Map<String, Object> settled(SendingTenant tenant, Reply queued) {
        assertThat(queued.status()).as(queued.toString()).isEqualTo(202);
        Eventually.holds(() -> assertThat(tenant.notification(queued.text("id")).get("status"))
                .isIn("SENT", "FAILED", "DEAD"));
        return tenant.notification(queued.text("id"));
    }

    @Test
    void each_refusal_is_kept_at_its_scope() {
        SendingTenant tenant = new SendingTenant(api, root);
        String number = phoneNumberId();
        tenant.map("WEEKLY_OFFER", tenant.template("weekly_offer", "MARKETING", "Hi {{1}}, this week: {{2}}."),
                "META", number);
        tenant.map("ORDER_CREATED", tenant.template("order_in", "UTILITY", "Order {{1}} is in."), "META", number);
        GraphApi.server().stubFor(post(urlEqualTo(messages(number))).atPriority(5)
                .willReturn(aResponse().withStatus(200).withBody(accepted("wamid.ok"))));
        Map<String, String> offer = Map.of("1", "Ana", "2", "two for one");

        // 131050: the contact stopped marketing; marketing to it is refused before any call, utility still goes.
        answer(number, "919810020001", 131050, "User has stopped marketing messages");
        assertThat(settled(tenant, tenant.event("WEEKLY_OFFER", "o1", "+919810020001", offer)))
                .containsEntry("status", "FAILED").extractingByKey("lastError").asString()
                .contains("MARKETING_OPT_OUT").contains("131050");
        Reply optedOut = tenant.event("WEEKLY_OFFER", "o2", "+919810020001", offer);
        assertThat(optedOut.status()).isEqualTo(409);
        assertThat(optedOut.text("detail")).contains("opted out of marketing");
        GraphApi.server().stubFor(to(number, "919810020001").atPriority(1)
                .withRequestBody(matchingJsonPath("$.template.name", equalTo("order_in")))
                .willReturn(aResponse().withStatus(200).withBody(accepted("wamid.utility"))));
        assertThat(settled(tenant, tenant.event("ORDER_CREATED", "u1", "+919810020001", Map.of("1", "7"))))
                .containsEntry("status", "SENT");

        // 131049: Meta's engagement limit, a 24-hour cool-down for marketing to that contact.
        answer(number, "919810020002", 131049, "This message was not delivered to maintain healthy ecosystem");
        assertThat(settled(tenant, tenant.event("WEEKLY_OFFER", "c1", "+919810020002", offer)))
                .containsEntry("status", "FAILED");
        Reply coolingDown = tenant.event("WEEKLY_OFFER", "c2", "+919810020002", offer);
        assertThat(coolingDown.status()).isEqualTo(409);
        assertThat(coolingDown.text("detail")).contains("131049");

        // 131026: undeliverable to that recipient, terminal for it, and not the template's fault.
        answer(number, "919810020003", 131026, "Message undeliverable");
        assertThat(settled(tenant, tenant.event("WEEKLY_OFFER", "r1", "+919810020003", offer)))
                .containsEntry("status", "FAILED").extractingByKey("lastError").asString()
                .contains("RECIPIENT_UNREACHABLE");
        assertThat(settled(tenant, tenant.event("WEEKLY_OFFER", "r2", "+919810020004", offer)))
                .containsEntry("status", "SENT");

        // 130429: throughput; waited out and sent.
        String scenario = "throughput-" + number;
        GraphApi.server().stubFor(to(number, "919810020005").inScenario(scenario).whenScenarioStateIs("Started")
                .willReturn(aResponse().withStatus(400).withBody(error(130429, "Rate limit hit")))
                .willSetStateTo("calm"));
        GraphApi.server().stubFor(to(number, "919810020005").inScenario(scenario).whenScenarioStateIs("calm")
                .willReturn(aResponse().withStatus(200).withBody(accepted("wamid.calm"))));
        Map<String, Object> paced = settled(tenant, tenant.event("WEEKLY_OFFER", "t1", "+919810020005", offer));
        assertThat(paced).containsEntry("status", "SENT").containsEntry("providerMessageId", "wamid.calm");
        assertThat((List<?>) paced.get("attemptLog")).hasSize(2);

        // 132015: the template's problem, not the contact's: that contact is not blocked.
        answer(number, "919810020006", 132015, "Template is paused");
        assertThat(settled(tenant, tenant.event("WEEKLY_OFFER", "p1", "+919810020006", offer)))
                .containsEntry("status", "FAILED").extractingByKey("lastError").asString()
                .contains("TEMPLATE_PAUSED");
    }

    @Test
    void a_marketing_stop_webhook_refuses_marketing_to_that_contact_until_it_resumes() {
        SendingTenant tenant = new SendingTenant(api, root);
        String number = phoneNumberId();
        tenant.map("WEEKLY_OFFER", tenant.template("weekly_offer", "MARKETING", "Hi {{1}}, this week: {{2}}."),
                "META", number);
        GraphApi.server().stubFor(post(urlEqualTo(messages(number)))
                .willReturn(aResponse().withStatus(200).withBody(accepted("wamid.offer"))));
        Map<String, String> offer = Map.of("1", "Ana", "2", "two for one");

        // Each try has its own key: a try before the webhook is applied would otherwise be answered by its earlier send.
        preference(tenant, number, "16505550201", "stop", 1000);
        Eventually.holds(() -> {
            Reply refused = tenant.event("WEEKLY_OFFER", "s-" + java.util.UUID.randomUUID(), "+16505550201", offer);
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.text("detail")).contains("opted out of marketing");
        });

        preference(tenant, number, "16505550201", "resume", 2000);
        Eventually.holds(() -> assertThat(tenant.event("WEEKLY_OFFER", "r-" + java.util.UUID.randomUUID(),
                "+16505550201", offer).status()).isEqualTo(202));
    }

    private static void preference(SendingTenant tenant, String number, String waId, String value, long time) {
        tenant.deliver(MetaWebhooks.envelope(tenant.waba, time, "user_preferences", """
                {"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550001111","phone_number_id":"%s"},
                 "contacts":[{"wa_id":"%s","profile":{"name":"Kerry"}}],
                 "user_preferences":[{"wa_id":"%s","detail":"User requested to %s marketing messages",
                   "category":"marketing_messages","value":"%s","timestamp":%d}]}""".formatted(number, waId, waId, value,
                value, time)));
    }

    @Test
    void a_locked_account_stops_every_send_of_the_waba_with_a_critical_alert() {
        SendingTenant tenant = new SendingTenant(api, root);
        String number = phoneNumberId();
        tenant.map("ORDER_CREATED", tenant.template("order_in", "UTILITY", "Order {{1}} is in."), "META", number);
        answer(number, "919810030001", 131031, "Business account has been locked");

        assertThat(settled(tenant, tenant.event("ORDER_CREATED", "a1", "+919810030001", Map.of("1", "7"))))
                .containsEntry("status", "FAILED");
        Eventually.holds(() -> assertThat(items(api.get("/api/v1/alerts?type=SENDING_STOPPED", tenant.viewer)))
                .singleElement().satisfies(alert -> assertThat(alert).containsEntry("severity", "CRITICAL")
                        .containsEntry("state", "OPEN")));
        Reply stopped = tenant.event("ORDER_CREATED", "a2", "+919810030002", Map.of("1", "8"));
        assertThat(stopped.status()).isEqualTo(409);
        assertThat(stopped.text("detail")).contains("stopped");
        GraphApi.server().verify(1, postRequestedFor(urlEqualTo(messages(number))));
    }

    @Test
    void a_free_form_text_goes_only_inside_the_customer_service_window() {
        SendingTenant tenant = new SendingTenant(api, root);
        SendingTenant other = new SendingTenant(api, root);
        String number = phoneNumberId();
        GraphApi.server().stubFor(post(urlEqualTo(messages(number)))
                .willReturn(aResponse().withStatus(200).withBody(accepted("wamid.text"))));
        tenant.ownsNumber(number);
        Map<String, Object> text = Map.of("wabaId", tenant.waba, "phoneNumberId", number, "to", "+16505550101",
                "text", "Your table is ready");
        // A number of another organisation's WABA is refused before anything else is looked at.
        String numberOfOther = phoneNumberId();
        other.ownsNumber(numberOfOther);
        Reply foreign = api.post("/api/v1/messages/text", tenant.admin, Map.of("wabaId", tenant.waba,
                "phoneNumberId", numberOfOther, "to", "+16505550101", "text", "Your table is ready"));
        assertThat(foreign.status()).as(foreign.toString()).isEqualTo(400);
        assertThat(foreign.text("detail")).contains("phoneNumberId").contains(numberOfOther);

        Reply closed = api.post("/api/v1/messages/text", tenant.admin, text);
        assertThat(closed.status()).isEqualTo(409);
        assertThat(closed.text("detail")).contains("24-hour customer-service window");
        assertThat(api.post("/api/v1/messages/text", other.admin, text).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/messages/text", tenant.viewer, text).status()).isEqualTo(403);

        long now = java.time.Instant.now().getEpochSecond();
        tenant.deliver("""
                {"object":"whatsapp_business_account","entry":[{"id":"%s","changes":[{"field":"messages","value":{
                 "messaging_product":"whatsapp","metadata":{"display_phone_number":"15550001111","phone_number_id":"%s"},
                 "messages":[{"from":"16505550101","id":"wamid.in","timestamp":"%d","type":"text","text":{"body":"hi"}}]}}]}]}"""
                .formatted(tenant.waba, number, now - 60));
        Reply[] open = new Reply[1];
        Eventually.holds(() -> {
            open[0] = api.post("/api/v1/messages/text", tenant.admin, text);
            assertThat(open[0].status()).isEqualTo(202);
        });

        Eventually.holds(() -> assertThat(tenant.notification(open[0].text("id")))
                .containsEntry("status", "SENT").containsEntry("kind", "TEXT"));
        GraphApi.server().verify(1, postRequestedFor(urlEqualTo(messages(number)))
                .withRequestBody(matchingJsonPath("$.type", equalTo("text")))
                .withRequestBody(matchingJsonPath("$.to", equalTo("16505550101")))
                .withRequestBody(matchingJsonPath("$.text.body", equalTo("Your table is ready"))));
    }
}
