package dev.warden.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.warden.bootstrap.ApiClient.Reply;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Whatever a recipients body holds, the answer is a 200 with counts or a clear 4xx naming what is wrong,
 * never a 5xx; and a refused body queues nothing.
 */
@MicronautTest(transactional = false)
class CampaignRecipientsFuzzIT extends SendingApiTest {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("warden.notify.workers.enabled", "false");
        return properties;
    }

    private static final Gen<Object> TEXT = strings().allPossible().ofLengthBetween(0, 12).map(s -> (Object) s);

    /** A JSON value of any kind, mostly small. */
    private static final Gen<Object> ANY = Generate.pick(List.<Object>of("", " ", "x", 1, -1, 1.5, true, "\u0000",
            List.of(), Map.of(), "+919810012345", "US.13491208655302741918", "META", "MYOPERATOR", "1"))
            .mix(TEXT, 40);

    private static final Gen<Object> TO = Generate.pick(List.<Object>of("+919810080001", "+919810080002",
            "US.13491208655302741918", "98100", "+0123", "")).mix(ANY, 30);

    private static final Gen<Object> PARAMS = Generate.pick(List.<Object>of(List.of("Ana", "42"), List.of("Ana"),
            Map.of("1", "Ana", "2", "42"), Map.of("1", "Ana", "2", ""), Map.of("x", "y"), List.of("a\nb", "c"),
            List.of(1, 2))).mix(lists().of(ANY).ofSizeBetween(0, 3).map(l -> (Object) l), 30).mix(ANY, 20);

    private static final Gen<Object> RECIPIENT = TO.zip(PARAMS, integers().between(0, 4), (to, params, shape) -> {
        Map<String, Object> recipient = new LinkedHashMap<>();
        if (shape != 1) {
            recipient.put("to", to);
        }
        if (shape != 2) {
            recipient.put("params", params);
        }
        if (shape == 3) {
            recipient.put("extra", to);
        }
        return shape == 4 ? to : recipient;
    });

    private static final Gen<Map<String, Object>> BODY = lists().of(RECIPIENT).ofSizeBetween(0, 4)
            .zip(Generate.pick(List.<Object>of("META", "MYOPERATOR", "meta", "")).mix(ANY, 30),
                    integers().between(0, 3), (recipients, provider, shape) -> {
                        Map<String, Object> body = new LinkedHashMap<>();
                        if (shape != 0) {
                            body.put("recipients", shape == 3 ? provider : new ArrayList<>(recipients));
                        }
                        if (shape != 1) {
                            body.put("provider", provider);
                        }
                        body.put("phoneNumberId", shape == 2 ? provider : "1065403000777");
                        return body;
                    });

    @Test
    void any_recipients_body_gets_counts_or_a_clear_refusal_never_a_5xx() {
        SendingTenant tenant = new SendingTenant(api, root);
        tenant.ownsNumber("1065403000777");
        String template = tenant.template("fuzz_offer", "MARKETING", "Hi {{1}}, offer {{2}}.");
        String campaign = api.post("/api/v1/campaigns", tenant.admin, Map.of("name", "fuzz", "templateId", template))
                .text("id");
        qt().withExamples(Integer.getInteger("warden.fuzz.examples", 150)).withShrinkCycles(20).forAll(BODY)
                .checkAssert(body -> {
                    Reply reply = api.post("/api/v1/campaigns/" + campaign + "/recipients", tenant.admin, body);
                    assertThat(reply.status()).as(body + " -> " + reply).isIn(200, 400, 409);
                    if (reply.status() != 200) {
                        assertThat(reply.text("detail")).as(body + " -> " + reply).isNotBlank();
                    }
                    if (reply.status() == 200) {
                        assertThat(((Number) reply.body().get("added")).intValue()
                                + ((Number) reply.body().get("alreadyPresent")).intValue())
                                .isEqualTo(((List<?>) body.get("recipients")).size());
                    }
                });
        // Only valid bodies queued anything: at most the two phone recipients and the BSUID.
        @SuppressWarnings("unchecked")
        Map<String, Object> progress = (Map<String, Object>) api.get("/api/v1/campaigns/" + campaign, tenant.viewer)
                .body().get("progress");
        assertThat(((Number) progress.get("held")).intValue()).isLessThanOrEqualTo(3);
    }
}
