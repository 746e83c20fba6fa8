package dev.warden.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bodies of the send routes (mappings, events, texts), tried with arbitrary JSON and with valid
 * bodies broken in one place: each is answered 2xx or a 4xx problem, never a 5xx. No provider is
 * configured, so what a valid event queues fails in the outbox, never here. Meta's Graph API stands in
 * ({@link SendingApiTest}) to list the tenant's phone numbers: a META mapping's number is checked there.
 */
@MicronautTest(transactional = false)
class SendingFuzzIT extends SendingApiTest {

    private SendingTenant tenant;
    private Map<String, Object> mapping;
    private Map<String, Object> event;
    private Map<String, Object> text;

    @BeforeAll
    void tenant() {
        tenant = new SendingTenant(api, root);
        String template = tenant.template("fuzz_order", "UTILITY", "Hi {{1}}, order {{2}} is in.");
        String fallback = tenant.template("fuzz_order_plain", "UTILITY", "Order {{2}} of {{1}} is in.");
        tenant.map("ORDER_CREATED", template, "META", "106540352242922");
        mapping = Map.of("eventType", "ORDER_CREATED", "templateId", template, "provider", "META",
                "phoneNumberId", "106540352242922", "fallbackTemplateId", fallback);
        event = Map.of("type", "ORDER_CREATED", "idempotencyKey", "fuzz", "to", "+919810012345",
                "params", Map.of("1", "Ana", "2", "42"), "language", "en_US");
        text = Map.of("wabaId", tenant.waba, "phoneNumberId", "106540352242922", "to", "+919810012345",
                "text", "hello");
    }

    @Test
    void any_mapping_event_or_text_body_is_answered_2xx_or_a_4xx_problem() {
        qt().withExamples(400).forAll(longs().all()).checkAssert(seed -> {
            RandomJson random = new RandomJson(seed);
            int route = random.pick(new Integer[] {0, 1, 2});
            Map<String, Object> valid = List.of(mapping, event, text).get(route);
            String path = List.of("/api/v1/notifications/mappings", "/api/v1/notifications/events",
                    "/api/v1/messages/text").get(route);
            Object body = random.chance(5) ? random.value(3) : random.mutate(valid);
            assertAnswered(path, RandomJson.write(body));
        });
    }

    @Test
    void any_fallback_template_id_in_a_valid_mapping_is_answered_2xx_or_a_4xx_problem() {
        qt().withExamples(100).forAll(longs().all()).checkAssert(seed -> {
            Map<String, Object> body = new HashMap<>(mapping);
            body.put("fallbackTemplateId", new RandomJson(seed).value(2));
            assertAnswered("/api/v1/notifications/mappings", RandomJson.write(body));
        });
    }

    @Test
    void broken_json_is_a_400_problem() {
        String valid = RandomJson.write(event);
        for (int cut = 0; cut < valid.length(); cut += 5) {
            assertThat(assertAnswered("/api/v1/notifications/events", valid.substring(0, cut)))
                    .as(valid.substring(0, cut)).isEqualTo(400);
        }
    }

    private int assertAnswered(String path, String json) {
        MutableHttpRequest<String> request = HttpRequest.POST(path, json).contentType("application/json")
                .bearerAuth(tenant.admin);
        try {
            HttpResponse<String> response = http.toBlocking().exchange(request, Argument.STRING);
            assertThat(response.code()).as(json).isBetween(200, 299);
            return response.code();
        } catch (HttpClientResponseException e) {
            String body = e.getResponse().getBody(String.class).orElse("");
            assertThat(e.code()).as(json + " -> " + body).isBetween(400, 499);
            assertThat(e.getResponse().getContentType().map(Object::toString)).as(json)
                    .contains("application/problem+json");
            return e.code();
        }
    }
}
