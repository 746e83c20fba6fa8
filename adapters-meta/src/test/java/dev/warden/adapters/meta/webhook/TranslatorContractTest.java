package dev.warden.adapters.meta.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.adapters.meta.JsonMutations;
import dev.warden.application.port.out.InboxChange;
import dev.warden.application.port.out.MalformedPayload;
import dev.warden.application.port.out.NewInboxChange;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The contract the inbox workers rely on: whatever a signed delivery holds, the reader splits it or
 * calls it malformed, and the translator returns a translation or throws {@link MalformedPayload},
 * never another exception (which the workers would retry for minutes instead of keeping it dead).
 */
class TranslatorContractTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[][] CHANGES = {
        {"message_template_status_update", "{\"event\":\"PAUSED\",\"message_template_id\":1689556908129832,"
                + "\"message_template_name\":\"order_update\",\"message_template_language\":\"en-US\",\"reason\":null,"
                + "\"message_template_category\":\"UTILITY\",\"other_info\":{\"title\":\"FIRST_PAUSE\",\"description\":\"3 h\"},"
                + "\"disable_info\":{\"disable_date\":1769817600},\"rejection_info\":{\"reason\":\"r\",\"recommendation\":\"x\"}}"},
        {"message_template_quality_update", "{\"previous_quality_score\":\"GREEN\",\"new_quality_score\":{\"score\":\"RED\"},"
                + "\"message_template_id\":\"1689556908129832\",\"message_template_name\":\"order_update\"}"},
        {"template_category_update", "{\"message_template_id\":7,\"correct_category\":\"MARKETING\",\"new_category\":\"UTILITY\","
                + "\"category_update_timestamp\":1769817600,\"previous_category\":\"UTILITY\"}"},
        {"message_template_components_update", "{\"message_template_id\":7,\"message_template_element\":\"Hi {{1}}, welcome\","
                + "\"message_template_title\":\"Hello\",\"message_template_footer\":\"Bye\",\"message_template_buttons\":"
                + "[{\"message_template_button_type\":\"URL\",\"message_template_button_text\":\"Go\","
                + "\"message_template_button_url\":\"https://example.com/{{1}}\"}]}"},
        {"messages", "{\"metadata\":{\"phone_number_id\":\"106540352242922\"},\"messages\":[{\"from\":\"16505551234\","
                + "\"timestamp\":\"1769817600\"}],\"statuses\":[{\"status\":\"failed\",\"timestamp\":1769817601,"
                + "\"recipient_id\":\"16505551234\",\"errors\":[{\"code\":131047}]}]}"},
        {"user_preferences", "{\"messaging_product\":\"whatsapp\",\"user_preferences\":[{\"wa_id\":\"16505551234\","
                + "\"detail\":\"User requested to stop marketing messages\",\"category\":\"marketing_messages\","
                + "\"value\":\"stop\",\"timestamp\":1769817600}]}"}};

    private final JacksonWebhookEnvelopeReader reader = new JacksonWebhookEnvelopeReader();
    private final JacksonMetaChangeTranslator translator = new JacksonMetaChangeTranslator();

    @Test
    void any_signed_content_is_translated_or_malformed_and_nothing_else() {
        qt().withExamples(3000).forAll(integers().between(0, CHANGES.length - 1), longs().all(), integers().between(1, 4))
                .checkAssert((shape, seed, mutations) -> {
                    byte[] body = mutated(shape, new Random(seed), mutations);
                    List<NewInboxChange> split;
                    try {
                        split = reader.split(body);
                    } catch (MalformedPayload e) {
                        return;
                    }
                    for (NewInboxChange change : split) {
                        try {
                            assertThat(translator.translate(new InboxChange(1, 1, change.objectType(), change.wabaId(),
                                    change.field(), change.entryTime(), change.value(), Instant.EPOCH, 0))).isNotNull();
                        } catch (MalformedPayload expected) {
                            assertThat(expected.getMessage()).isNotBlank();
                        }
                    }
                });
    }

    @Test
    void a_stand_in_for_what_the_inbox_could_not_hold_is_malformed_with_its_reason() {
        NewInboxChange standIn = new NewInboxChange("k", JacksonMetaChangeTranslator.WHATSAPP, "1",
                "message_template_status_update", Instant.EPOCH, "{\"event\":\"APPROVED\",\"message_template_id\":1}")
                .unstorable("entry.time 1E+15 is not a Unix time in the years 1 to 9999");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> translator.translate(new InboxChange(1, 1,
                        standIn.objectType(), standIn.wabaId(), standIn.field(), standIn.entryTime(), standIn.value(),
                        Instant.EPOCH, 0)))
                .isInstanceOf(MalformedPayload.class).hasMessageContaining("entry.time 1E+15 is not a Unix time");
    }

    private static byte[] mutated(int shape, Random random, int mutations) {
        ObjectNode envelope = NODES.objectNode().put("object", "whatsapp_business_account");
        ObjectNode entry = envelope.putArray("entry").addObject().put("id", "102290129340398").put("time", 1769817600);
        entry.putArray("changes").addObject().put("field", CHANGES[shape][0]).set("value", read(CHANGES[shape][1]));
        JsonMutations.mutate(envelope, random, mutations, r -> switch (r.nextInt(9)) {
            case 0 -> NODES.textNode("x".repeat(r.nextBoolean() ? 70 : 5000));
            case 1 -> NODES.numberNode(new BigDecimal(r.nextBoolean() ? "1e999999999" : "-1e-999999999"));
            case 2 -> NODES.numberNode(new BigInteger("9".repeat(1 + r.nextInt(600))));
            case 3 -> NODES.numberNode(r.nextBoolean() ? Long.MIN_VALUE : Long.MAX_VALUE);
            case 4 -> NODES.objectNode().put("score", "RED");
            case 5 -> NODES.arrayNode().add(1).add("two").addNull();
            case 6 -> r.nextBoolean() ? NODES.nullNode() : NODES.booleanNode(true);
            case 7 -> NODES.textNode("{{1}} {{2}}{{x}} \ud800 " + "{{" + r.nextInt(100) + "}}");
            default -> null; // drop the key or element
        });
        return envelope.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode read(String json) {
        return MetaJson.read(json);
    }
}
