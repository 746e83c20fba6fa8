package dev.warden.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * GET and PUT /api/v1/notification-preferences: the organisation's admin writes them, its viewer reads
 * them with the Slack URL masked, another organisation never sees them; a wrong value is a 400 problem
 * naming it, and no body whatever gets a 5xx.
 */
@MicronautTest(transactional = false)
class NotificationPreferencesApiIT extends ApiTest {

    private static final String PATH = "/api/v1/notification-preferences";
    private static final String SLACK = "https://hooks.slack.com/services/T0001/B0001/sEcReTtOkEn";

    private Tenant acme;
    private Tenant globex;

    @BeforeAll
    void tenants() {
        acme = new Tenant(api, root, "940001");
        globex = new Tenant(api, root, "940002");
    }

    private static Map<String, Object> body(Object recipients, Object webhookUrl, Object numbers) {
        return Map.of(
                "routes", List.of(Map.of("severity", "CRITICAL", "channels", List.of("EMAIL", "SLACK", "WHATSAPP")),
                        Map.of("severity", "HIGH", "channels", List.of("SLACK"))),
                "email", Map.of("recipients", recipients),
                "slack", Map.of("webhookUrl", webhookUrl),
                "whatsapp", Map.of("provider", "MYOPERATOR", "numbers", numbers));
    }

    @Test
    void the_admin_writes_its_organisations_preferences_and_its_viewer_reads_them_with_the_slack_url_masked() {
        ApiClient.Reply saved = api.put(PATH, acme.admin, body(List.of("ops@example.com"), SLACK,
                List.of("+919812345678")));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);

        Map<String, Object> read = api.get(PATH, acme.viewer).body();
        assertThat(read.get("routes")).isEqualTo(List.of(
                Map.of("severity", "HIGH", "channels", List.of("SLACK")),
                Map.of("severity", "CRITICAL", "channels", List.of("EMAIL", "SLACK", "WHATSAPP"))));
        assertThat(read.get("email")).isEqualTo(Map.of("recipients", List.of("ops@example.com")));
        assertThat(read.get("whatsapp")).isEqualTo(Map.of("provider", "MYOPERATOR", "numbers",
                List.of("+919812345678")));
        assertThat(read.toString()).doesNotContain("sEcReT").doesNotContain("T0001");
        assertThat(((Map<?, ?>) read.get("slack")).get("webhookUrl").toString()).startsWith("https://hooks.slack.com/");

        assertThat(api.put(PATH, acme.viewer, body(List.of(), SLACK, List.of())).status()).isEqualTo(403);
        assertThat(api.get(PATH + "?organizationId=" + acme.org, globex.admin).status()).isEqualTo(403);
        assertThat(api.put(PATH + "?organizationId=" + acme.org, globex.admin, body(List.of(), SLACK, List.of()))
                .status()).isEqualTo(403);
        assertThat(api.get(PATH, globex.admin).body().get("email")).isEqualTo(Map.of("recipients", List.of()));
        assertThat(api.get(PATH + "?organizationId=" + acme.org, root).body().get("email"))
                .isEqualTo(Map.of("recipients", List.of("ops@example.com")));
    }

    @Test
    void a_super_admin_naming_an_organisation_that_does_not_exist_gets_a_404() {
        // PublicApiFuzzIT found this a 500: the insert broke the organisation's foreign key.
        ApiClient.Reply reply = api.put(PATH + "?organizationId=" + java.util.UUID.randomUUID(), root, Map.of());

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.contentType()).isEqualTo("application/problem+json");
    }

    @Test
    void putting_back_what_get_showed_keeps_the_stored_slack_url() {
        api.put(PATH, globex.admin, body(List.of(), SLACK, List.of()));
        Map<String, Object> shown = api.get(PATH, globex.admin).body();

        ApiClient.Reply again = api.put(PATH, globex.admin, shown);

        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(api.get(PATH, globex.admin).body().get("slack")).isEqualTo(shown.get("slack"));
    }

    @Test
    void each_change_is_in_the_audit_log_with_the_slack_url_masked() {
        Tenant initech = new Tenant(api, root, "940003");
        assertThat(api.put(PATH, initech.admin, body(List.of("ops@example.com"), SLACK, List.of("+919812345678")))
                .status()).isEqualTo(200);
        Map<String, Object> changed = new java.util.HashMap<>(body(List.of("oncall@example.com"), SLACK,
                List.of("+14155550123")));
        changed.put("whatsapp", Map.of("provider", "META", "numbers", List.of("+14155550123")));
        assertThat(api.put(PATH, initech.admin, changed).status()).isEqualTo(200);

        List<Map<String, Object>> entries = Tenant.items(api.get("/api/v1/audit-log?resource=NOTIFICATION_PREFERENCES",
                initech.admin));
        assertThat(entries).hasSize(2).allSatisfy(entry -> {
            assertThat(entry).containsEntry("action", "NOTIFICATION_PREFERENCES_CHANGED")
                    .containsEntry("actor", initech.adminName.toLowerCase())
                    .containsEntry("resource", Map.of("kind", "NOTIFICATION_PREFERENCES", "id", initech.org));
            assertThat(entry.toString()).doesNotContain("sEcReT").doesNotContain("T0001");
        });
        Map<String, Object> latest = entries.get(0);
        assertThat(map(latest.get("before"))).containsEntry("email", "ops@example.com")
                .containsEntry("whatsapp", "MYOPERATOR: +919812345678");
        assertThat(map(latest.get("after"))).containsEntry("email", "oncall@example.com")
                .containsEntry("whatsapp", "META: +14155550123")
                .containsEntry("routes", "CRITICAL: EMAIL, SLACK, WHATSAPP; HIGH: SLACK")
                .containsEntry("escalation", "30 min");
        assertThat(((Map<?, ?>) latest.get("after")).get("slack").toString()).startsWith("https://hooks.slack.com/");
        assertThat(map(entries.get(1).get("before"))).containsEntry("email", "").containsEntry("slack", "");
        assertThat(api.get("/api/v1/audit-log?resource=NOTIFICATION_PREFERENCES", acme.admin).body().toString())
                .doesNotContain(initech.org);
    }

    @Test
    void wrong_values_are_400_problems_naming_the_field() {
        assertProblem(body(List.of("not an address"), SLACK, List.of()), "email.recipients");
        assertProblem(body(List.of(), "http://hooks.slack.com/services/x", List.of()), "slack.webhookUrl");
        assertProblem(body(List.of(), SLACK, List.of("9812345678")), "E.164");
        assertProblem(Map.of("routes", List.of(Map.of("severity", "URGENT", "channels", List.of()))),
                "routes[].severity");
        assertProblem(Map.of("routes", List.of(Map.of("severity", "HIGH", "channels", List.of("PIGEON")))),
                "routes[].channels");
        assertProblem(Map.of("whatsapp", Map.of("provider", "TWILIO")), "whatsapp.provider");
    }

    private void assertProblem(Map<String, Object> body, String naming) {
        ApiClient.Reply reply = api.put(PATH, acme.admin, body);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.body().toString()).contains(naming);
    }

    /** Values of every JSON type, plausible and hostile. */
    private static final Gen<String> VALUE = Generate.frequency(
            Pair.of(3, strings().allPossible().ofLengthBetween(0, 30).map(NotificationPreferencesApiIT::quoted)),
            Pair.of(3, Generate.pick(List.of("null", "0", "-1", "1e309", "true", "{}", "[]", "[null]", "[1]",
                    "\"CRITICAL\"", "\"critical \"", "[\"EMAIL\",\"SLACK\"]", "[\"ops@example.com\"]",
                    "[\"+919812345678\"]", "\"https://hooks.slack.com/x\"", "\"https://\"", "\"javascript:x\"",
                    "\"" + "a".repeat(5000) + "\"", "[\"a@b\"]", "[\"+0\"]", "\"\\u0000\"", "2147483648",
                    "{\"criticalAfterMinutes\":-5}", "{\"criticalAfterMinutes\":99999999999}"))),
            Pair.of(1, Generate.pick(List.of("{\"recipients\":" + "[\"x@y.zz\"]" + "}",
                    "{\"webhookUrl\":null}", "{\"provider\":\"META\",\"numbers\":[\"+14155550123\"]}",
                    "[{\"severity\":\"INFO\",\"channels\":[\"EMAIL\"]}]", "[{}]", "[{\"severity\":null}]"))));

    private static final List<String> FIELDS = List.of("routes", "email", "slack", "whatsapp", "escalation", "extra");

    @Test
    void no_body_whatever_gets_a_5xx() {
        qt().withExamples(300).forAll(Generate.pick(FIELDS), VALUE, Generate.pick(FIELDS), VALUE)
                .checkAssert((first, firstValue, second, secondValue) -> {
                    String json = "{\"" + first + "\":" + firstValue + ",\"" + second + "\":" + secondValue + "}";
                    ApiClient.Reply reply = api.putRaw(PATH, acme.admin, json);
                    assertThat(reply.status()).as(json + " -> " + reply).isIn(200, 400);
                });
        qt().withExamples(100).forAll(strings().allPossible().ofLengthBetween(0, 60)).checkAssert(raw -> {
            ApiClient.Reply reply = api.putRaw(PATH, acme.admin, raw);
            assertThat(reply.status()).as(raw + " -> " + reply).isIn(200, 400, 415);
        });
    }

    private static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.codePoints().forEach(c -> {
            if (c == '"' || c == '\\' || c < 0x20) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.append('"').toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
