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

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.warden.bootstrap.ApiClient.Reply;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Campaign sends end to end, with WireMock standing in for Meta's Cloud API: each recipient once, a pause
 * (a template webhook, a person) that stops the sends until the campaign runs again, none twice, opt-outs
 * skipped, the progress on the campaign, and another organisation kept out. Campaign sends are paced
 * slowly here (4 a second) so that a pause lands while some are still waiting.
 */
@MicronautTest(transactional = false)
class CampaignSendIT extends SendingApiTest {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("warden.notify.retry.base", "100ms");
        properties.put("warden.notify.retry.cap", "200ms");
        properties.put("warden.campaigns.sends-per-second", "4");
        return properties;
    }

    /** An organisation with one approved template, a campaign on it, and a number its WABA owns. */
    private final class Setup {
        final SendingTenant tenant = new SendingTenant(api, root);
        final String number = phoneNumberId();
        final String template;
        final String campaign;
        final String name;
        final String category;

        Setup(String name, String category) {
            this.name = name;
            this.category = category;
            template = tenant.template(name, category, "Hi {{1}}, your offer {{2}} is ready.");
            tenant.ownsNumber(number);
            Reply created = api.post("/api/v1/campaigns", tenant.admin, Map.of("name", name, "templateId", template));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            campaign = created.text("id");
            GraphApi.server().stubFor(post(urlEqualTo(messages(number)))
                    .willReturn(aResponse().withStatus(200).withBody(accepted("wamid.campaign"))));
        }

        Reply add(List<String> to) {
            List<Map<String, Object>> recipients = to.stream()
                    .map(r -> Map.<String, Object>of("to", r, "params", List.of("Ana", "X-" + r.substring(r.length() - 3))))
                    .toList();
            return api.post("/api/v1/campaigns/" + campaign + "/recipients", tenant.admin, Map.of("provider", "META",
                    "phoneNumberId", number, "recipients", recipients));
        }

        /** Meta's status webhook for the campaign's template, its name and category as they are. */
        String templateStatus(String metaId, String event, long time) {
            return MetaWebhooks.envelope(tenant.waba, time, "message_template_status_update", """
                    {"event":"%s","message_template_id":%s,"message_template_name":"%s",
                     "message_template_language":"en_US","reason":"NONE","message_template_category":"%s"}"""
                    .formatted(event, metaId, name, category));
        }

        Reply start() {
            return api.post("/api/v1/campaigns/" + campaign + "/start", tenant.admin, Map.of());
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> progress() {
            Reply read = api.get("/api/v1/campaigns/" + campaign, tenant.viewer);
            assertThat(read.status()).as(read.toString()).isEqualTo(200);
            return (Map<String, Object>) read.body().get("progress");
        }

        String status() {
            return api.get("/api/v1/campaigns/" + campaign, tenant.viewer).text("status");
        }

        /** Meta's calls from this campaign's number, counted by recipient (Meta's "to": digits). */
        Map<String, Long> callsByRecipient() {
            return GraphApi.server().findAll(postRequestedFor(urlEqualTo(messages(number)))).stream()
                    .map(LoggedRequest::getBodyAsString)
                    .map(body -> body.replaceAll(".*\"to\":\"([^\"]+)\".*", "$1"))
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        }

        long calls() {
            return callsByRecipient().values().stream().mapToLong(Long::longValue).sum();
        }

        /**
         * A witness that the dispatchers ran whole cycles since now: a transactional send from another number,
         * queued now, is sent only by a dispatcher that claimed after it was queued.
         */
        void dispatchersCaughtUp(String key) {
            String witness = phoneNumberId();
            GraphApi.server().stubFor(post(urlEqualTo(messages(witness)))
                    .willReturn(aResponse().withStatus(200).withBody(accepted("wamid.witness"))));
            String eventType = "WITNESS_" + key.toUpperCase();
            // A template of its own: the campaign's may be paused.
            tenant.map(eventType, tenant.template("witness_" + key, "UTILITY", "Hi {{1}}, ref {{2}}."), "META",
                    witness);
            for (int i = 0; i < 3; i++) {
                Reply queued = tenant.event(eventType, key + "-" + i, "+919800000999", Map.of("1", "W", "2", "W"));
                assertThat(queued.status()).as(queued.toString()).isEqualTo(202);
                Eventually.holds(() -> assertThat(tenant.notification(queued.text("id"))).containsEntry("status",
                        "SENT"));
            }
        }
    }

    private static List<String> recipients(int n, int from) {
        List<String> to = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            to.add("+91981003" + String.format("%04d", from + i));
        }
        return to;
    }

    private static long count(Map<String, Object> progress, String field) {
        return ((Number) progress.get(field)).longValue();
    }

    @Test
    void a_running_campaign_sends_each_recipient_once_and_shows_its_progress() {
        Setup s = new Setup("spring_offer", "MARKETING");
        List<String> to = recipients(10, 0);

        Reply first = s.add(to.subList(0, 6));
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.body()).containsEntry("added", 6).containsEntry("alreadyPresent", 0);
        // The same recipients again (and a recipient twice in one call) add nothing; the sender may be left out.
        List<Map<String, Object>> again = new ArrayList<>();
        for (String r : to.subList(3, 10)) {
            again.add(Map.of("to", r, "params", Map.of("1", "Bo", "2", "Y")));
        }
        again.add(Map.of("to", to.get(9), "params", Map.of("1", "Bo", "2", "Y")));
        Reply second = api.post("/api/v1/campaigns/" + s.campaign + "/recipients", s.tenant.admin,
                Map.of("recipients", again));
        assertThat(second.status()).as(second.toString()).isEqualTo(200);
        assertThat(second.body()).containsEntry("added", 4).containsEntry("alreadyPresent", 4);

        // A draft sends nothing: its sends are held.
        assertThat(s.progress()).containsEntry("held", 10).containsEntry("sent", 0).containsEntry("remaining", 0);
        assertThat(items(api.get("/api/v1/notifications?status=HELD&size=100", s.tenant.viewer))).hasSize(10)
                .allSatisfy(n -> assertThat(n).containsEntry("kind", "TEMPLATE"));
        assertThat(items(api.get("/api/v1/notifications?status=QUEUED", s.tenant.viewer))).isEmpty();

        assertThat(s.start().text("status")).isEqualTo("RUNNING");

        Eventually.holds(() -> assertThat(s.progress()).containsEntry("sent", 10).containsEntry("remaining", 0)
                .containsEntry("held", 0).containsEntry("failed", 0).containsEntry("skipped", 0));
        Map<String, Long> calls = s.callsByRecipient();
        assertThat(calls).hasSize(10).allSatisfy((recipient, n) -> assertThat(n).as(recipient).isEqualTo(1L));
        // Each went with its own values, from the campaign's number.
        GraphApi.server().verify(1, postRequestedFor(urlEqualTo(messages(s.number)))
                .withRequestBody(matchingJsonPath("$.to", equalTo(to.get(0).substring(1))))
                .withRequestBody(matchingJsonPath("$.template.name", equalTo("spring_offer")))
                .withRequestBody(matchingJsonPath("$.template.components[0].parameters[0].text", equalTo("Ana")))
                .withRequestBody(matchingJsonPath("$.template.components[0].parameters[1].text", equalTo("X-000"))));
        assertThat(items(api.get("/api/v1/campaigns?size=100", s.tenant.viewer)))
                .filteredOn(c -> s.campaign.equals(c.get("id"))).singleElement()
                .satisfies(c -> assertThat(c.get("progress").toString()).contains("sent=10"));
    }

    @Test
    void a_template_paused_mid_run_holds_the_rest_until_it_is_approved_again_and_none_goes_twice() {
        Setup s = new Setup("flash_sale", "MARKETING");
        List<String> to = recipients(24, 100);
        assertThat(s.add(to).status()).isEqualTo(200);
        assertThat(s.start().text("status")).isEqualTo("RUNNING");
        Eventually.holds(() -> assertThat(count(s.progress(), "sent")).isPositive());

        String meta = api.get("/api/v1/templates/" + s.template, s.tenant.admin).text("metaTemplateId");
        s.tenant.deliver(s.templateStatus(meta, "PAUSED", 2000));
        Eventually.holds(() -> assertThat(s.status()).isEqualTo("PAUSED"));
        // Sends claimed before the pause finish (or are put back); then nothing is in flight.
        Eventually.holds(() -> assertThat(s.progress()).containsEntry("remaining", 0));
        s.dispatchersCaughtUp("tpl");
        Map<String, Object> paused = s.progress();
        long sentWhilePaused = count(paused, "sent");
        assertThat(count(paused, "held")).as(paused.toString()).isPositive();
        assertThat(sentWhilePaused + count(paused, "held")).isEqualTo(24);
        assertThat(s.calls()).as("nothing goes out while the template is paused").isEqualTo(sentWhilePaused);
        assertThat(items(api.get("/api/v1/notifications?status=HELD&size=100", s.tenant.viewer)))
                .hasSize((int) count(paused, "held"));

        s.tenant.deliver(s.templateStatus(meta, "APPROVED", 3000));
        Eventually.holds(() -> assertThat(s.progress()).containsEntry("sent", 24).containsEntry("held", 0)
                .containsEntry("remaining", 0));
        assertThat(s.status()).isEqualTo("RUNNING");
        assertThat(s.callsByRecipient()).hasSize(24).allSatisfy((r, n) -> assertThat(n).as(r).isEqualTo(1L));
    }

    @Test
    void a_person_pausing_stops_the_sends_and_resuming_releases_them() {
        Setup s = new Setup("loyalty_boost", "MARKETING");
        List<String> to = recipients(20, 200);
        assertThat(s.add(to).status()).isEqualTo(200);
        assertThat(s.start().text("status")).isEqualTo("RUNNING");
        Eventually.holds(() -> assertThat(count(s.progress(), "sent")).isPositive());

        Reply paused = api.post("/api/v1/campaigns/" + s.campaign + "/pause", s.tenant.admin, Map.of());
        assertThat(paused.text("status")).as(paused.toString()).isEqualTo("PAUSED");
        Eventually.holds(() -> assertThat(s.progress()).containsEntry("remaining", 0));
        s.dispatchersCaughtUp("man");
        long sent = count(s.progress(), "sent");
        assertThat(s.calls()).isEqualTo(sent);
        assertThat(count(s.progress(), "held")).isEqualTo(20 - sent);

        assertThat(api.post("/api/v1/campaigns/" + s.campaign + "/resume", s.tenant.admin, Map.of()).text("status"))
                .isEqualTo("RUNNING");
        Eventually.holds(() -> assertThat(s.progress()).containsEntry("sent", 20).containsEntry("held", 0));
        assertThat(s.callsByRecipient()).hasSize(20).allSatisfy((r, n) -> assertThat(n).as(r).isEqualTo(1L));
    }

    @Test
    void a_cancelled_campaign_sends_nothing_more_and_its_waiting_sends_are_skipped_not_held_for_good() {
        Setup s = new Setup("last_call", "MARKETING");
        List<String> to = recipients(20, 400);
        assertThat(s.add(to).status()).isEqualTo(200);
        assertThat(s.start().text("status")).isEqualTo("RUNNING");
        Eventually.holds(() -> assertThat(count(s.progress(), "sent")).isPositive());
        assertThat(api.post("/api/v1/campaigns/" + s.campaign + "/pause", s.tenant.admin, Map.of()).text("status"))
                .isEqualTo("PAUSED");
        Eventually.holds(() -> assertThat(s.progress()).containsEntry("remaining", 0));
        s.dispatchersCaughtUp("cancel");
        long sent = count(s.progress(), "sent");

        Reply cancelled = api.post("/api/v1/campaigns/" + s.campaign + "/cancel", s.tenant.admin, Map.of());
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.text("status")).isEqualTo("CANCELLED");
        assertThat(cancelled.body().get("holds")).asList().as("the person's pause went with it").isEmpty();

        assertThat(s.progress()).containsEntry("sent", (int) sent).containsEntry("skipped", (int) (20 - sent))
                .containsEntry("held", 0).containsEntry("remaining", 0).containsEntry("failed", 0);
        assertThat(items(api.get("/api/v1/notifications?status=SKIPPED&size=100", s.tenant.viewer)))
                .hasSize((int) (20 - sent))
                .allSatisfy(n -> assertThat(n.get("lastError").toString()).contains("campaign was cancelled"));
        assertThat(items(api.get("/api/v1/notifications?status=HELD&size=100", s.tenant.viewer))).isEmpty();
        s.dispatchersCaughtUp("cancelled");
        assertThat(s.calls()).as("nothing sent after the cancel").isEqualTo(sent);

        for (String action : List.of("resume", "start", "pause", "cancel", "complete")) {
            Reply refused = api.post("/api/v1/campaigns/" + s.campaign + "/" + action, s.tenant.admin, Map.of());
            assertThat(refused.status()).as(action + ": " + refused).isEqualTo(409);
        }
        assertThat(s.add(recipients(1, 480)).status()).as("no recipients for a cancelled campaign").isEqualTo(409);
        assertThat(api.post("/api/v1/campaigns/" + s.campaign + "/cancel", s.tenant.viewer, Map.of()).status())
                .isEqualTo(403);
    }

    @Test
    void a_campaign_completes_once_none_of_its_sends_waits() {
        Setup s = new Setup("thank_you", "MARKETING");
        assertThat(s.add(recipients(3, 500)).status()).isEqualTo(200);
        Reply draft = api.post("/api/v1/campaigns/" + s.campaign + "/complete", s.tenant.admin, Map.of());
        assertThat(draft.status()).as(draft.toString()).isEqualTo(409);

        assertThat(s.start().text("status")).isEqualTo("RUNNING");
        Eventually.holds(() -> assertThat(s.progress()).containsEntry("sent", 3).containsEntry("remaining", 0));
        Reply completed = api.post("/api/v1/campaigns/" + s.campaign + "/complete", s.tenant.admin, Map.of());
        assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
        assertThat(completed.text("status")).isEqualTo("COMPLETED");
        assertThat(s.add(recipients(1, 510)).status()).isEqualTo(409);
        assertThat(s.calls()).isEqualTo(3);
    }

    @Test
    void a_campaign_with_a_send_still_waiting_does_not_complete() {
        Setup s = new Setup("slow_burn", "MARKETING");
        String slow = "+919810060001";
        // Meta takes its time with this one: the send waits while the person tries to complete the campaign.
        GraphApi.server().stubFor(post(urlEqualTo(messages(s.number))).atPriority(1)
                .withRequestBody(matchingJsonPath("$.to", equalTo(slow.substring(1))))
                .willReturn(aResponse().withStatus(200).withFixedDelay(4000).withBody(accepted("wamid.slow"))));
        assertThat(s.add(List.of(slow)).status()).isEqualTo(200);
        assertThat(s.start().text("status")).isEqualTo("RUNNING");

        Reply refused = api.post("/api/v1/campaigns/" + s.campaign + "/complete", s.tenant.admin, Map.of());
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.text("detail")).contains("1 of its sends still wait");
        assertThat(s.status()).isEqualTo("RUNNING");

        Eventually.holds(() -> assertThat(s.progress()).containsEntry("sent", 1).containsEntry("remaining", 0));
        assertThat(api.post("/api/v1/campaigns/" + s.campaign + "/complete", s.tenant.admin, Map.of()).text("status"))
                .isEqualTo("COMPLETED");
    }

    @Test
    void an_opted_out_contact_gets_no_marketing_send_and_is_counted_skipped() {
        Setup s = new Setup("member_deals", "MARKETING");
        String optedOut = "+919810049001";
        String welcome = "+919810049002";
        s.tenant.deliver(MetaWebhooks.envelope(s.tenant.waba, 1500, "user_preferences", """
                {"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550001111","phone_number_id":"%s"},
                 "contacts":[{"wa_id":"919810049001","profile":{"name":"Kerry"}}],
                 "user_preferences":[{"wa_id":"919810049001","detail":"User requested to stop marketing messages",
                   "category":"marketing_messages","value":"stop","timestamp":1500}]}""".formatted(s.number)));
        assertThat(s.add(List.of(optedOut, welcome)).status()).isEqualTo(200);
        // The opt-out is read at dispatch; wait until the webhook is kept: a transactional send to the contact,
        // from another number, is then refused.
        String probe = phoneNumberId();
        s.tenant.map("OPT_OUT_PROBE", s.template, "META", probe);
        GraphApi.server().stubFor(post(urlEqualTo(messages(probe)))
                .willReturn(aResponse().withStatus(200).withBody(accepted("wamid.probe"))));
        int[] tries = {0};
        Eventually.holds(() -> assertThat(s.tenant.event("OPT_OUT_PROBE", "probe-" + tries[0]++, optedOut,
                Map.of("1", "A", "2", "B")).status()).isEqualTo(409));

        assertThat(s.start().text("status")).isEqualTo("RUNNING");

        Eventually.holds(() -> assertThat(s.progress()).containsEntry("sent", 1).containsEntry("skipped", 1)
                .containsEntry("remaining", 0).containsEntry("failed", 0));
        assertThat(s.callsByRecipient()).containsOnlyKeys(welcome.substring(1));
        assertThat(items(api.get("/api/v1/notifications?status=SKIPPED", s.tenant.viewer))).singleElement()
                .satisfies(n -> assertThat(n).containsEntry("recipient", optedOut)
                        .extractingByKey("lastError").asString().contains("opted out of marketing"));
        // The stats count it as skipped (the probe's sends, queued before the opt-out was kept, count apart).
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        Reply stats = api.get("/api/v1/notifications/stats?from=" + today.minusDays(1) + "&to=" + today.plusDays(1),
                s.tenant.viewer);
        assertThat(items(stats, "groups")).singleElement().satisfies(group -> assertThat(group)
                .containsEntry("template", "member_deals").containsEntry("skipped", 1));
    }

    @Test
    void a_thousand_recipients_with_their_values_fit_in_one_call() {
        Setup s = new Setup("autumn_offer", "MARKETING");
        List<Map<String, Object>> thousand = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            thousand.add(Map.of("to", "+91981007" + String.format("%04d", i), "params", List.of(
                    "Ana Maria de la Cruz Fernández " + i, "AUTUMN-" + "X".repeat(60) + "-" + i)));
        }
        Reply added = api.post("/api/v1/campaigns/" + s.campaign + "/recipients", s.tenant.admin, Map.of(
                "provider", "META", "phoneNumberId", s.number, "recipients", thousand));
        assertThat(added.status()).as("a body of about 130 KB: %s", added).isEqualTo(200);
        assertThat(added.body()).containsEntry("added", 1000);
        assertThat(s.progress()).containsEntry("held", 1000);
    }

    @Test
    void recipients_are_checked_before_anything_is_queued() {
        Setup s = new Setup("winter_offer", "MARKETING");
        Reply bad = api.post("/api/v1/campaigns/" + s.campaign + "/recipients", s.tenant.admin, Map.of(
                "provider", "META", "phoneNumberId", s.number, "recipients", List.of(
                        Map.of("to", "+919810050001", "params", List.of("Ana", "1")),
                        Map.of("to", "+919810050002", "params", Map.of("1", "Bo")),
                        Map.of("to", "+919810050003", "params", List.of("Cy", "3", "extra")))));
        assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
        assertThat(bad.toString()).contains("recipients[1]").contains("recipients[2]").contains("MISSING_VALUE")
                .contains("UNKNOWN_PARAMETER");
        Reply badTo = api.post("/api/v1/campaigns/" + s.campaign + "/recipients", s.tenant.admin, Map.of(
                "provider", "META", "phoneNumberId", s.number, "recipients", List.of(Map.of("to", "98100"))));
        assertThat(badTo.status()).isEqualTo(400);
        assertThat(badTo.toString()).contains("recipients[0].to");
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            tooMany.add(Map.of("to", "+91981006" + String.format("%04d", i), "params", List.of("A", "B")));
        }
        Reply many = api.post("/api/v1/campaigns/" + s.campaign + "/recipients", s.tenant.admin, Map.of(
                "provider", "META", "phoneNumberId", s.number, "recipients", tooMany));
        assertThat(many.status()).isEqualTo(400);
        assertThat(many.toString()).contains("1000");
        // A large body of wrong values gets a bounded answer: the first faults, and how many more.
        Reply hugeParams = api.post("/api/v1/campaigns/" + s.campaign + "/recipients", s.tenant.admin, Map.of(
                "provider", "META", "phoneNumberId", s.number, "recipients", List.of(Map.of("to", "+919810050001",
                        "params", java.util.Collections.nCopies(50_000, 0)))));
        assertThat(hugeParams.status()).as(hugeParams.toString()).isEqualTo(400);
        assertThat(hugeParams.toString()).contains("at most 100 values").hasSizeLessThan(10_000);
        List<Map<String, Object>> allWrong = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            allWrong.add(Map.of("to", "+91981008" + String.format("%04d", i), "params", List.of(1, 2, 3)));
        }
        Reply manyFaults = api.post("/api/v1/campaigns/" + s.campaign + "/recipients", s.tenant.admin, Map.of(
                "provider", "META", "phoneNumberId", s.number, "recipients", allWrong));
        assertThat(manyFaults.status()).isEqualTo(400);
        assertThat((List<?>) manyFaults.body().get("fieldErrors")).hasSize(101);
        assertThat(manyFaults.toString()).contains("MORE_ERRORS").contains("2900 more faults");
        Reply noSender = api.post("/api/v1/campaigns/" + s.campaign + "/recipients", s.tenant.admin, Map.of(
                "recipients", List.of(Map.of("to", "+919810050001", "params", List.of("A", "B")))));
        assertThat(noSender.status()).isEqualTo(400);
        assertThat(noSender.text("detail")).contains("provider");
        Reply foreignNumber = api.post("/api/v1/campaigns/" + s.campaign + "/recipients", s.tenant.admin, Map.of(
                "provider", "META", "phoneNumberId", phoneNumberId(),
                "recipients", List.of(Map.of("to", "+919810050001", "params", List.of("A", "B")))));
        assertThat(foreignNumber.status()).isEqualTo(400);
        assertThat(foreignNumber.text("detail")).contains("phoneNumberId");
        assertThat(s.progress()).containsEntry("held", 0).containsEntry("remaining", 0).containsEntry("sent", 0);

        // The first recipients fix the sender; another one later is a conflict.
        assertThat(s.add(List.of("+919810050001")).status()).isEqualTo(200);
        Reply other = api.post("/api/v1/campaigns/" + s.campaign + "/recipients", s.tenant.admin, Map.of(
                "provider", "MYOPERATOR", "recipients", List.of(Map.of("to", "+919810050002",
                        "params", List.of("A", "B")))));
        assertThat(other.status()).as(other.toString()).isEqualTo(409);
        assertThat(other.text("detail")).contains("sends from META " + s.number);
        assertThat(api.post("/api/v1/campaigns/" + s.campaign + "/recipients", s.tenant.viewer, Map.of(
                "recipients", List.of(Map.of("to", "+919810050002", "params", List.of("A", "B"))))).status())
                .isEqualTo(403);
        assertThat(s.progress()).containsEntry("held", 1);
    }

    @Test
    void another_organisation_neither_adds_recipients_nor_sees_progress() {
        Setup a = new Setup("private_offer", "MARKETING");
        assertThat(a.add(List.of("+919810070001")).status()).isEqualTo(200);
        SendingTenant b = new SendingTenant(api, root);

        Reply add = api.post("/api/v1/campaigns/" + a.campaign + "/recipients", b.admin, Map.of("recipients",
                List.of(Map.of("to", "+919810070002", "params", List.of("A", "B")))));
        assertThat(add.status()).isEqualTo(404);
        assertThat(api.get("/api/v1/campaigns/" + a.campaign, b.viewer).status()).isEqualTo(404);
        assertThat(items(api.get("/api/v1/notifications?status=HELD", b.viewer))).isEmpty();
        assertThat(items(api.get("/api/v1/campaigns", b.viewer))).isEmpty();
        assertThat(a.progress()).containsEntry("held", 1);
    }
}
