package dev.warden.bootstrap;

import static dev.warden.bootstrap.MetaWebhooks.bytes;
import static dev.warden.bootstrap.MetaWebhooks.envelope;
import static dev.warden.bootstrap.MetaWebhooks.sign;
import static dev.warden.bootstrap.MetaWebhooks.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.bootstrap.ApiClient.Reply;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Changes PostgreSQL cannot hold as received (a NUL character jsonb refuses, a time outside the
 * years 1 to 9999, a field longer than its column): their deliveries are answered 200 with the
 * deliveries sent alongside, and each such change is kept as a dead letter that says why.
 */
@MicronautTest(transactional = false)
class UnstorableChangesIT extends ApiTest {

    @Test
    void each_unstorable_change_is_a_dead_letter_and_fails_nothing_sent_alongside() throws Exception {
        String waba = MetaWebhooks.randomWaba();
        String org = api.post("/api/v1/organizations", root, Map.of("name", "Org of " + waba)).text("id");
        assertThat(api.post("/api/v1/organizations/" + org + "/whatsapp-accounts", root,
                Map.of("wabaId", waba, "name", "Main")).status()).isEqualTo(201);
        String nul = envelope(waba, 5000, "message_template_status_update",
                "{\"event\":\"APPROVED\",\"message_template_id\":6001,\"message_template_name\":\"a\\u0000b\"}");
        String future = status(waba, 1_000_000_000_000_000L, "6002", "PAUSED");
        String past = status(waba, -1_000_000_000_000_000L, "6003", "DISABLED");
        String longField = envelope(waba, 5001, "f".repeat(500), "{\"message_template_id\":6004}");
        List<String> bodies = new ArrayList<>(List.of(nul, future, past, longField));
        for (int i = 0; i < 12; i++) {
            bodies.add(status(waba, 5100 + i, String.valueOf(6100 + i), "APPROVED"));
        }

        ExecutorService meta = Executors.newFixedThreadPool(bodies.size());
        try {
            List<Future<Reply>> replies = new ArrayList<>();
            for (String body : bodies) {
                replies.add(meta.submit(() -> api.postWebhook(bytes(body), sign(bytes(body)))));
            }
            for (Future<Reply> reply : replies) {
                assertThat(reply.get().status()).isEqualTo(200);
            }
        } finally {
            meta.shutdownNow();
        }

        Eventually.holds(() -> {
            for (int i = 0; i < 12; i++) {
                assertThat(api.get("/api/v1/templates?organizationId=" + org + "&metaTemplateId=" + (6100 + i), root)
                        .body().get("items").toString()).contains("status=APPROVED");
            }
        });
        Eventually.holds(() -> assertThat(deadLettersOf(waba)).extracting(dead -> dead.get("lastError").toString())
                .anySatisfy(error -> assertThat(error).contains("NUL character"))
                .anySatisfy(error -> assertThat(error).contains("entry.time 1000000000000000 is not a Unix time"))
                .anySatisfy(error -> assertThat(error).contains("entry.time -1000000000000000 is not a Unix time"))
                .anySatisfy(error -> assertThat(error).contains("field is 500 characters long")));
        // What was received is kept in the dead letter, escaped where PostgreSQL could not take it as it was.
        assertThat(deadLettersOf(waba)).hasSize(4).extracting(dead -> dead.get("value").toString())
                .anySatisfy(value -> assertThat(value).contains("6001").contains("a\\\\u0000b"))
                .anySatisfy(value -> assertThat(value).contains("6002").contains("PAUSED"))
                .anySatisfy(value -> assertThat(value).contains("6003").contains("DISABLED"))
                .anySatisfy(value -> assertThat(value).contains("6004").contains("f".repeat(500)));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> deadLettersOf(String waba) {
        List<Map<String, Object>> all = (List<Map<String, Object>>) api.get("/api/v1/webhooks/dead-letters?size=100", root)
                .body().get("items");
        return all.stream().filter(dead -> waba.equals(dead.get("wabaId"))).toList();
    }
}
