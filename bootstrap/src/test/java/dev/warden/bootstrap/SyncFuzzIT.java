package dev.warden.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.warden.adapters.meta.graph.GraphPages;
import dev.warden.bootstrap.ApiClient.Reply;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Whatever Meta's Graph API answers, a sync ends COMPLETED or FAILED with a clear error, never
 * stuck, never a 5xx, and a refused page changes nothing. And the sync routes' path values never
 * get a 5xx either.
 */
@MicronautTest(transactional = false)
class SyncFuzzIT extends ApiTest {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("warden.meta.graph-url", GraphApi.url());
        properties.put("warden.meta.access-token", GraphApi.TOKEN);
        properties.put("warden.meta.graph.attempts", "1");
        properties.put("warden.reconcile.enabled", "false");
        return properties;
    }

    @Test
    void any_graph_list_answer_ends_the_job_cleanly_and_a_refused_page_changes_nothing() {
        String org = api.post("/api/v1/organizations", root, Map.of("name", "Fuzzed Graph")).text("id");
        qt().withExamples(Integer.getInteger("warden.fuzz.examples", 40)).withShrinkCycles(5)
                .forAll(longs().all(), integers().between(0, 5)).checkAssert((seed, mutations) -> {
                    String waba = MetaWebhooks.randomWaba();
                    api.post("/api/v1/organizations/" + org + "/whatsapp-accounts", root,
                            Map.of("wabaId", waba, "name", "Fuzzed"));
                    GraphApi.stubPage(waba, null, GraphPages.mutated(new Random(seed), mutations));

                    Reply accepted = api.post("/api/v1/whatsapp-accounts/" + waba + "/sync", root, Map.of());
                    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
                    Map<String, Object>[] job = new Map[1];
                    Eventually.holds(() -> {
                        Reply read = api.get("/api/v1/sync-jobs/" + accepted.text("id"), root);
                        assertThat(read.status()).isEqualTo(200);
                        job[0] = read.body();
                        assertThat(job[0].get("status")).isIn("COMPLETED", "FAILED");
                    });
                    List<?> templates = (List<?>) api.get("/api/v1/templates?size=100&wabaId=" + waba, root).body()
                            .get("items");
                    if ("FAILED".equals(job[0].get("status"))) {
                        assertThat(job[0].get("errors").toString()).as(job[0].toString()).contains("MALFORMED_RESPONSE");
                        assertThat(templates).as("a refused page applies nothing").isEmpty();
                    } else {
                        assertThat(job[0]).containsEntry("pagesFetched", 1);
                        assertThat(templates).hasSizeLessThanOrEqualTo(2);
                    }
                });
    }

    private static final Gen<String> ANY_SEGMENT = Generate.frequency(
            Pair.of(3, strings().allPossible().ofLengthBetween(1, 40)),
            Pair.of(1, Generate.pick(List.of("0", "-1", "1e3", "99999999999999999999999999999999999",
                    "00000000-0000-0000-0000-000000000000", "%00", "%2F", "..", "x".repeat(300)))));

    @Test
    void any_path_value_of_the_sync_routes_gets_a_clear_4xx_never_a_5xx() {
        qt().withExamples(200).forAll(ANY_SEGMENT).checkAssert(value -> {
            String segment = URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
            Reply sync = api.post("/api/v1/whatsapp-accounts/" + segment + "/sync", root, Map.of());
            assertThat(sync.status()).as(value + " -> " + sync).isIn(400, 404, 405);
            Reply job = api.get("/api/v1/sync-jobs/" + segment, root);
            assertThat(job.status()).as(value + " -> " + job).isIn(400, 404, 405);
        });
    }
}
