package dev.warden.bootstrap;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.warden.bootstrap.Tenant.items;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import dev.warden.bootstrap.ApiClient.Reply;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Transactional sends end to end, with WireMock standing in for Meta's Cloud API and for MyOperator:
 * mappings, one send per idempotency key under concurrent duplicates, a provider down and back, the
 * values checked before anything is queued, and what the notification routes show of a send.
 */
@MicronautTest(transactional = false)
class TransactionalSendIT extends ApiTest {

    static final AtomicInteger NUMBERS = new AtomicInteger((int) (Math.random() * 100_000));

    private final WireMockServer myOperator = new WireMockServer(options().dynamicPort());

    @Override
    public Map<String, String> getProperties() {
        if (!myOperator.isRunning()) {
            myOperator.start();
        }
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("warden.meta.graph-url", GraphApi.url());
        properties.put("warden.meta.access-token", GraphApi.TOKEN);
        properties.put("warden.myoperator.url", myOperator.baseUrl());
        properties.put("warden.myoperator.api-key", "myop-key-never-logged");
        properties.put("warden.myoperator.company-id", "company-7");
        properties.put("warden.myoperator.phone-number-id", "555000111");
        properties.put("warden.reconcile.enabled", "false");
        properties.put("warden.notify.retry.base", "100ms");
        properties.put("warden.notify.retry.cap", "200ms");
        return properties;
    }

    @AfterAll
    void stopServers() {
        myOperator.stop();
    }

    /** A business phone number id of its own, so a test's calls to Meta are counted apart. */
    static String phoneNumberId() {
        return "1065403" + String.format("%06d", NUMBERS.incrementAndGet());
    }

    static String messages(String phoneNumberId) {
        return GraphApi.VERSION + "/" + phoneNumberId + "/messages";
    }

    static String accepted(String wamid) {
        return "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"x\",\"wa_id\":\"x\"}],"
                + "\"messages\":[{\"id\":\"" + wamid + "\",\"message_status\":\"accepted\"}]}";
    }

    static String error(int code, String message) {
        return """
                {"error":{"message":"(#%d) %s","type":"OAuthException","code":%d,
                 "error_data":{"messaging_product":"whatsapp","details":"%s"},"fbtrace_id":"AbC"}}"""
                .formatted(code, message, code, message);
    }

    @Test
    void mappings_are_written_by_admins_read_in_the_organisation_audited_and_invisible_to_another() {
        SendingTenant a = new SendingTenant(api, root);
        SendingTenant b = new SendingTenant(api, root);
        String template = a.template("order_created", "UTILITY", "Hi {{1}}, order {{2}} is in.");

        a.map("ORDER_CREATED", template, "MYOPERATOR", null);
        a.map("LOYALTY_POINTS_ADDED", template, "META", "106540352242922");

        assertThat(items(api.get("/api/v1/notifications/mappings", a.viewer))).extracting(m -> m.get("eventType"))
                .containsExactly("LOYALTY_POINTS_ADDED", "ORDER_CREATED");
        assertThat(api.get("/api/v1/notifications/mappings/LOYALTY_POINTS_ADDED", a.viewer).body())
                .containsEntry("provider", "META").containsEntry("phoneNumberId", "106540352242922")
                .containsEntry("templateId", template);
        assertThat(api.post("/api/v1/notifications/mappings", a.viewer, Map.of("eventType", "ORDER_CREATED",
                "templateId", template, "provider", "MYOPERATOR")).status()).isEqualTo(403);
        Reply noNumber = api.post("/api/v1/notifications/mappings", a.admin, Map.of("eventType", "ORDER_CREATED",
                "templateId", template, "provider", "META"));
        assertThat(noNumber.status()).isEqualTo(400);
        assertThat(noNumber.text("detail")).contains("phoneNumberId");
        assertThat(api.post("/api/v1/notifications/mappings", a.admin, Map.of("eventType", "order-created",
                "templateId", template, "provider", "MYOPERATOR")).status()).isEqualTo(400);
        // A number Meta lists under B's WABA, not A's: the deployment's token could send from it, so it is refused.
        String numberOfB = phoneNumberId();
        b.ownsNumber(numberOfB);
        Reply foreign = api.post("/api/v1/notifications/mappings", a.admin, Map.of("eventType", "ORDER_CREATED",
                "templateId", template, "provider", "META", "phoneNumberId", numberOfB));
        assertThat(foreign.status()).as(foreign.toString()).isEqualTo(400);
        assertThat(foreign.text("detail")).contains("phoneNumberId").contains(numberOfB);

        // Another organisation neither sees A's mappings nor maps A's template.
        assertThat(items(api.get("/api/v1/notifications/mappings", b.admin))).isEmpty();
        assertThat(api.get("/api/v1/notifications/mappings/ORDER_CREATED", b.viewer).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/notifications/mappings", b.admin, Map.of("eventType", "ORDER_CREATED",
                "templateId", template, "provider", "MYOPERATOR")).status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/notifications/mappings/ORDER_CREATED", b.admin).status()).isEqualTo(404);

        assertThat(api.delete("/api/v1/notifications/mappings/LOYALTY_POINTS_ADDED", a.admin).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/notifications/mappings/LOYALTY_POINTS_ADDED", a.viewer).status()).isEqualTo(404);
        assertThat(items(api.get("/api/v1/audit-log?resource=EVENT_MAPPING:LOYALTY_POINTS_ADDED", a.admin)))
                .extracting(e -> e.get("action")).containsExactlyInAnyOrder("EVENT_MAPPING_SAVED",
                        "EVENT_MAPPING_DELETED");
    }

    @Test
    void a_meta_mapping_is_answered_503_while_meta_cannot_list_the_wabas_numbers() {
        SendingTenant tenant = new SendingTenant(api, root);
        String template = tenant.template("order_unchecked", "UTILITY", "Hi {{1}}, order {{2}} is in.");
        GraphApi.server().stubFor(WireMock.get(urlPathEqualTo(GraphApi.VERSION + "/" + tenant.waba + "/phone_numbers"))
                .willReturn(GraphApi.error(503, 2, "Service temporarily unavailable")));

        Reply unchecked = api.post("/api/v1/notifications/mappings", tenant.admin, Map.of("eventType", "ORDER_CREATED",
                "templateId", template, "provider", "META", "phoneNumberId", phoneNumberId()));

        assertThat(unchecked.status()).as(unchecked.toString()).isEqualTo(503);
        assertThat(api.get("/api/v1/notifications/mappings/ORDER_CREATED", tenant.viewer).status()).isEqualTo(404);
    }

    @Test
    void five_concurrent_calls_with_one_key_answer_one_id_and_make_one_call_to_meta() throws Exception {
        SendingTenant tenant = new SendingTenant(api, root);
        String number = phoneNumberId();
        String template = tenant.template("order_confirmation", "UTILITY", "Hi {{1}}, order {{2}} is confirmed.");
        tenant.map("ORDER_CREATED", template, "META", number);
        GraphApi.server().stubFor(post(urlEqualTo(messages(number)))
                .willReturn(aResponse().withStatus(200).withBody(accepted("wamid.once"))));

        ExecutorService callers = Executors.newFixedThreadPool(5);
        List<Future<Reply>> replies = new ArrayList<>();
        Callable<Reply> call = () -> tenant.event("ORDER_CREATED", "order-42-created", "+919810012345",
                Map.of("1", "Ana", "2", "42"));
        for (int i = 0; i < 5; i++) {
            replies.add(callers.submit(call));
        }
        List<Reply> answers = new ArrayList<>();
        for (Future<Reply> reply : replies) {
            answers.add(reply.get());
        }
        callers.shutdown();

        assertThat(answers).extracting(Reply::status).containsOnly(200, 202).filteredOn(s -> s == 202).hasSize(1);
        assertThat(answers).extracting(r -> r.text("id")).containsOnly(answers.get(0).text("id"));
        String id = answers.get(0).text("id");
        Eventually.holds(() -> assertThat(tenant.notification(id)).containsEntry("status", "SENT"));
        Map<String, Object> sent = tenant.notification(id);
        assertThat(sent).containsEntry("kind", "TEMPLATE").containsEntry("channel", "WHATSAPP")
                .containsEntry("providerMessageId", "wamid.once").containsEntry("recipient", "+919810012345");
        assertThat((List<?>) sent.get("attemptLog")).hasSize(1);
        GraphApi.server().verify(1, postRequestedFor(urlEqualTo(messages(number)))
                .withHeader("Authorization", equalTo("Bearer " + GraphApi.TOKEN))
                .withRequestBody(matchingJsonPath("$.to", equalTo("919810012345")))
                .withRequestBody(matchingJsonPath("$.type", equalTo("template")))
                .withRequestBody(matchingJsonPath("$.template.name", equalTo("order_confirmation")))
                .withRequestBody(matchingJsonPath("$.template.language.code", equalTo("en_US")))
                .withRequestBody(matchingJsonPath("$.template.components[0].type", equalTo("body")))
                .withRequestBody(matchingJsonPath("$.template.components[0].parameters[0].text", equalTo("Ana")))
                .withRequestBody(matchingJsonPath("$.template.components[0].parameters[1].text", equalTo("42")))
                .withRequestBody(matchingJsonPath("$.biz_opaque_callback_data", equalTo(id))));

        // The same key later, even with other values: the same send, nothing more goes out.
        Reply again = tenant.event("ORDER_CREATED", "order-42-created", "+919810012345", Map.of("1", "Bo"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).containsEntry("id", id).containsEntry("status", "SENT");
        assertThat(items(api.get("/api/v1/notifications?channel=WHATSAPP", tenant.viewer)))
                .singleElement().satisfies(n -> assertThat(n).containsEntry("kind", "TEMPLATE")
                        .containsEntry("title", "Template order_confirmation"));
        GraphApi.server().verify(1, postRequestedFor(urlEqualTo(messages(number))));
    }

    @Test
    void a_send_while_meta_is_down_is_delivered_once_when_it_comes_back() {
        SendingTenant tenant = new SendingTenant(api, root);
        String number = phoneNumberId();
        String template = tenant.template("payment_received", "UTILITY", "We received {{1}}, thank you.");
        tenant.map("PAYMENT_RECORDED", template, "META", number);
        String scenario = "down-" + number;
        GraphApi.server().stubFor(post(urlEqualTo(messages(number))).inScenario(scenario)
                .whenScenarioStateIs("Started").willReturn(aResponse().withStatus(503).withBody("down"))
                .willSetStateTo("back"));
        GraphApi.server().stubFor(post(urlEqualTo(messages(number))).inScenario(scenario)
                .whenScenarioStateIs("back").willReturn(aResponse().withStatus(200).withBody(accepted("wamid.back"))));

        Reply queued = tenant.event("PAYMENT_RECORDED", "payment-7", "+919810012346", Map.of("1", "INR 500"));
        assertThat(queued.status()).isEqualTo(202);
        assertThat(queued.text("status")).isEqualTo("QUEUED");

        Eventually.holds(() -> assertThat(tenant.notification(queued.text("id"))).containsEntry("status", "SENT"));
        Map<String, Object> sent = tenant.notification(queued.text("id"));
        assertThat(sent).containsEntry("providerMessageId", "wamid.back");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> attempts = (List<Map<String, Object>>) sent.get("attemptLog");
        assertThat(attempts).extracting(a -> a.get("result")).containsExactly("RETRYING", "SENT");
        GraphApi.server().verify(2, postRequestedFor(urlEqualTo(messages(number))));
    }

    @Test
    void values_sendability_mapping_and_recipient_are_checked_before_anything_is_queued() {
        SendingTenant tenant = new SendingTenant(api, root);
        String number = phoneNumberId();
        String order = tenant.template("order_shipped", "UTILITY", "Hi {{1}}, order {{2}} shipped.");
        String otp = tenant.template("login_code", "AUTHENTICATION", "Your code is {{1}}.");
        tenant.map("ORDER_SHIPPED", order, "META", number);
        tenant.map("LOGIN_REQUESTED", otp, "META", number);

        Reply missing = tenant.event("ORDER_SHIPPED", "k1", "+919810012347", Map.of("1", "Ana"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.toString()).contains("2");
        Reply extra = tenant.event("ORDER_SHIPPED", "k2", "+919810012347", Map.of("1", "Ana", "2", "7", "3", "x"));
        assertThat(extra.status()).isEqualTo(400);
        assertThat(extra.toString()).contains("3");
        Reply unmapped = tenant.event("SUBSCRIPTION_CREATED", "k3", "+919810012347", Map.of());
        assertThat(unmapped.status()).isEqualTo(404);
        assertThat(unmapped.text("detail")).contains("SUBSCRIPTION_CREATED");
        Reply bsuid = tenant.event("LOGIN_REQUESTED", "k4", "US.13491208655302741918", Map.of("1", "123456"));
        assertThat(bsuid.status()).isEqualTo(400);
        assertThat(bsuid.text("detail")).contains("AUTHENTICATION");
        assertThat(tenant.event("ORDER_SHIPPED", "k5", "98100", Map.of()).status()).isEqualTo(400);
        tenant.map("ORDER_PACKED", order, "MYOPERATOR", null);
        Reply viaMyOperator = tenant.event("ORDER_PACKED", "k7", "US.13491208655302741918",
                Map.of("1", "Ana", "2", "7"));
        assertThat(viaMyOperator.status()).as(viaMyOperator.toString()).isEqualTo(400);
        assertThat(viaMyOperator.text("detail")).contains("MyOperator sends to phone numbers only");

        String meta = api.get("/api/v1/templates/" + order, tenant.admin).text("metaTemplateId");
        tenant.deliver(MetaWebhooks.status(tenant.waba, 2000, meta, "PAUSED"));
        Eventually.holds(() -> assertThat(api.get("/api/v1/templates/" + order, tenant.admin).text("status"))
                .isEqualTo("PAUSED"));
        Reply paused = tenant.event("ORDER_SHIPPED", "k6", "+919810012347", Map.of("1", "Ana", "2", "7"));
        assertThat(paused.status()).isEqualTo(409);
        assertThat(paused.text("detail")).contains("PAUSED");

        assertThat(items(api.get("/api/v1/notifications?channel=WHATSAPP", tenant.admin))).isEmpty();
        GraphApi.server().verify(0, postRequestedFor(urlEqualTo(messages(number))));
    }

    @Test
    void myoperator_sends_the_template_with_its_values_by_name() {
        SendingTenant tenant = new SendingTenant(api, root);
        String template = tenant.template("delivery_done", "UTILITY", "Hi {{1}}, parcel {{2}} was delivered.");
        tenant.map("DELIVERY_COMPLETED", template, "MYOPERATOR", null);
        myOperator.stubFor(post(urlEqualTo("/chat/messages")).withRequestBody(matchingJsonPath("$.customer_number",
                equalTo("9810012348"))).willReturn(aResponse().withStatus(200)
                .withBody("{\"status\":\"success\",\"data\":{\"message_id\":\"myop-1\"}}")));

        Reply queued = tenant.event("DELIVERY_COMPLETED", "parcel-9", "+919810012348",
                Map.of("1", "Ana", "2", "P-9"));

        assertThat(queued.status()).isEqualTo(202);
        Eventually.holds(() -> assertThat(tenant.notification(queued.text("id")))
                .containsEntry("status", "SENT").containsEntry("providerMessageId", "myop-1"));
        myOperator.verify(1, postRequestedFor(urlEqualTo("/chat/messages"))
                .withHeader("X-MYOP-COMPANY-ID", equalTo("company-7"))
                .withRequestBody(matchingJsonPath("$.phone_number_id", equalTo("555000111")))
                .withRequestBody(matchingJsonPath("$.customer_country_code", equalTo("91")))
                .withRequestBody(matchingJsonPath("$.data.context.template_name", equalTo("delivery_done")))
                .withRequestBody(matchingJsonPath("$.data.context.body['1']", equalTo("Ana")))
                .withRequestBody(matchingJsonPath("$.data.context.body['2']", equalTo("P-9")))
                .withRequestBody(matchingJsonPath("$.myop_ref_id", equalTo(queued.text("id")))));
    }
}
