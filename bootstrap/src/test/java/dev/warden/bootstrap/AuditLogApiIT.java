package dev.warden.bootstrap;

import static dev.warden.bootstrap.Tenant.items;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.warden.bootstrap.ApiClient.Reply;
import dev.warden.bootstrap.LoopbackCaller.Answer;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The audit log through HTTP: admin actions are recorded with who, when and before/after, a refused
 * action leaves no entry, organisations see only their own, and its query parameters never get a 5xx.
 */
@MicronautTest(transactional = false)
class AuditLogApiIT extends ApiTest {

    @Inject
    EmbeddedServer server;

    private Tenant acme;
    private Tenant globex;

    @BeforeAll
    void tenants() {
        acme = new Tenant(api, root, "910001");
        globex = new Tenant(api, root, "910002");
    }

    @Test
    void records_campaign_and_alert_actions_with_who_and_before_after() {
        Instant before = Instant.now();
        String campaign = acme.campaign("Audited sale");
        api.post("/api/v1/campaigns/" + campaign + "/start", acme.admin, Map.of());
        api.post("/api/v1/campaigns/" + campaign + "/pause", acme.admin, Map.of());
        assertThat(api.post("/api/v1/campaigns/" + campaign + "/start", acme.admin, Map.of()).status())
                .as("starting a paused campaign is refused").isEqualTo(409);

        List<Map<String, Object>> entries = items(api.get("/api/v1/audit-log?resource=CAMPAIGN:" + campaign,
                acme.admin));
        assertThat(entries).extracting(e -> e.get("action"))
                .containsExactly("CAMPAIGN_PAUSED", "CAMPAIGN_STARTED", "CAMPAIGN_CREATED");
        Map<String, Object> paused = entries.get(0);
        assertThat(paused).containsEntry("actor", acme.adminName).containsEntry("organizationId", acme.org)
                .containsEntry("before", Map.of("status", "RUNNING", "holds", ""))
                .containsEntry("after", Map.of("status", "PAUSED", "holds", "MANUAL by " + acme.adminName));
        assertThat(Instant.parse(paused.get("at").toString())).isAfterOrEqualTo(before.minusSeconds(1));

        acme.webhook("910001", "PAUSED", 5000);
        Object[] alert = new Object[1];
        Eventually.holds(() -> {
            List<Map<String, Object>> open = items(api.get("/api/v1/alerts?state=OPEN", acme.admin));
            assertThat(open).isNotEmpty();
            alert[0] = open.get(0).get("id");
        });
        api.post("/api/v1/alerts/" + alert[0] + "/acknowledge", acme.admin, Map.of());
        api.post("/api/v1/alerts/" + alert[0] + "/acknowledge", acme.admin, Map.of());
        assertThat(items(api.get("/api/v1/audit-log?resource=alert&actor=" + acme.adminName.toUpperCase(),
                acme.admin)))
                .as("acknowledging twice is one action").singleElement()
                .satisfies(e -> assertThat(e).containsEntry("action", "ALERT_ACKNOWLEDGED")
                        .containsEntry("before", Map.of("state", "OPEN"))
                        .containsEntry("after", Map.of("state", "ACKNOWLEDGED")));
    }

    @Test
    void each_organisation_reads_only_its_own_log_and_viewers_none() {
        acme.campaign("Acme only");
        globex.campaign("Globex only");

        assertThat(items(api.get("/api/v1/audit-log?size=100", globex.admin)))
                .extracting(e -> e.get("organizationId")).containsOnly(globex.org);
        assertThat(api.get("/api/v1/audit-log?organizationId=" + acme.org, globex.admin).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/audit-log", acme.viewer).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/audit-log", null).status()).isEqualTo(401);
        assertThat(items(api.get("/api/v1/audit-log?resource=ORGANIZATION&organizationId=" + acme.org, root)))
                .extracting(e -> e.get("action")).containsExactly("ORGANIZATION_CREATED");
        assertThat(items(api.get("/api/v1/audit-log?resource=USER&organizationId=" + acme.org, root)))
                .extracting(e -> e.get("after").toString()).allSatisfy(after ->
                        assertThat(after).contains("role").doesNotContain("password"));
    }

    @Test
    void a_time_window_includes_its_start_and_excludes_its_end() {
        String campaign = acme.campaign("Windowed");
        Map<String, Object> created = items(api.get("/api/v1/audit-log?resource=CAMPAIGN:" + campaign, acme.admin))
                .get(0);
        String at = created.get("at").toString();
        assertThat(items(api.get("/api/v1/audit-log?resource=CAMPAIGN:" + campaign + "&from=" + at, acme.admin)))
                .hasSize(1);
        assertThat(items(api.get("/api/v1/audit-log?resource=CAMPAIGN:" + campaign + "&to=" + at, acme.admin)))
                .isEmpty();
        Reply bad = api.get("/api/v1/audit-log?from=yesterday", acme.admin);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text("detail")).contains("from");
    }

    private static final List<String> PARAMETERS = List.of("actor", "resource", "from", "to", "page", "size",
            "organizationId");

    private static final Gen<String> ANY_VALUE = Generate.frequency(
            Pair.of(3, strings().allPossible().ofLengthBetween(0, 40)),
            Pair.of(2, Generate.pick(List.of("", " ", ":", "CAMPAIGN:", ":x", "campaign:abc", "TEMPLATE: ",
                    "2026-12-01", "2026-02-30", "2026-12-01T00:00:00Z", "+300000-01-01T00:00:00Z", "0000-01-01",
                    "-0001-12-31T00:00:00Z", "9999-12-31", "-1", "0", "101", "99999999999",
                    "\u0000", "%00", "x".repeat(1500), "00000000-0000-0000-0000-000000000001"))));

    @Test
    void any_values_of_its_parameters_get_200_400_or_403_never_a_5xx() {
        qt().withExamples(200).forAll(Generate.pick(PARAMETERS), ANY_VALUE, Generate.pick(PARAMETERS), ANY_VALUE)
                .checkAssert((first, firstValue, second, secondValue) -> {
                    Answer answer = new LoopbackCaller("127.0.4.1", server.getPort()).get("/api/v1/audit-log?"
                            + query(first, firstValue) + "&" + query(second, secondValue), acme.admin);
                    assertThat(answer.status()).as(answer.toString()).isIn(200, 400, 403);
                });
    }

    private static String query(String parameter, String value) {
        return parameter + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
