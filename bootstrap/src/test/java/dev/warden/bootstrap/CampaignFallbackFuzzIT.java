package dev.warden.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.warden.bootstrap.ApiClient.Reply;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Whatever a campaign's {@code fallbackTemplateId} holds, creating it answers 201 with exactly that fallback,
 * or a clear 400/404, never a 5xx; only a template of the same WABA with the same parameters is taken, and a
 * refused body creates nothing.
 */
@MicronautTest(transactional = false)
class CampaignFallbackFuzzIT extends ApiTest {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("warden.reconcile.enabled", "false");
        properties.put("warden.notify.workers.enabled", "false");
        return properties;
    }

    /** A JSON value of any kind, mostly small; strings of any characters. */
    private static final Gen<Object> ANY = Generate.pick(List.<Object>of("", " ", "x", 1, -1, 1.5, true, "\u0000",
            List.of(), Map.of(), "00000000-0000-0000-0000-000000000000", "not-an-id"))
            .mix(strings().allPossible().ofLengthBetween(0, 40).map(s -> (Object) s), 40);

    @Test
    void any_fallback_gets_a_campaign_naming_it_or_a_clear_refusal_never_a_5xx() {
        SendingTenant tenant = new SendingTenant(api, root);
        SendingTenant other = new SendingTenant(api, root);
        String template = tenant.template("fuzz_fallback", "UTILITY", "Hi {{1}}, offer {{2}}.");
        String fits = tenant.template("fuzz_fallback_b", "UTILITY", "Offer {{2}} for {{1}}.");
        String differs = tenant.template("fuzz_fallback_c", "UTILITY", "Hi {{1}}.");
        String foreign = other.template("fuzz_fallback", "UTILITY", "Hi {{1}}, offer {{2}}.");
        Gen<Object> fallback = Generate.pick(List.<Object>of(fits, differs, template, foreign, " " + fits))
                .mix(integers().all().map(i -> (Object) new UUID(i, i).toString()), 20).mix(ANY, 40);
        Gen<Map<String, Object>> bodies = fallback.zip(integers().between(0, 2), (value, shape) -> {
            Map<String, Object> body = new LinkedHashMap<>(Map.of("name", "fuzz", "templateId", template));
            if (shape == 1) {
                body.put("fallbackTemplateId", value);
            } else if (shape == 2) {
                body.put("fallbackTemplateId", null);
            }
            return body;
        });
        AtomicInteger created = new AtomicInteger();

        qt().withExamples(Integer.getInteger("warden.fuzz.examples", 150)).withShrinkCycles(20).forAll(bodies)
                .checkAssert(body -> {
                    Reply reply = api.post("/api/v1/campaigns", tenant.admin, body);
                    Object named = body.get("fallbackTemplateId");
                    assertThat(reply.status()).as(body + " -> " + reply).isIn(201, 400, 404);
                    if (reply.status() == 201) {
                        created.incrementAndGet();
                        assertThat(named).as(body + " -> " + reply).isIn(null, fits);
                        assertThat(reply.body().get("fallbackTemplateId")).isEqualTo(named);
                        assertThat(api.get("/api/v1/campaigns/" + reply.text("id"), tenant.viewer).body()
                                .get("fallbackTemplateId")).isEqualTo(named);
                    } else {
                        assertThat(named).as(body + " -> " + reply).isNotIn(null, fits);
                        assertThat(reply.text("detail")).as(body + " -> " + reply).isNotBlank();
                    }
                    if (differs.equals(named) || template.equals(named)) {
                        assertThat(reply.status()).isEqualTo(400);
                        assertThat(reply.text("detail")).contains("fallbackTemplateId");
                    }
                    if (foreign.equals(named)) {
                        assertThat(reply.status()).isEqualTo(404);
                    }
                });
        assertThat(((Number) api.get("/api/v1/campaigns", tenant.viewer).body().get("total")).intValue())
                .isEqualTo(created.get());
    }
}
