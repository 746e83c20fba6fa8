package dev.warden.bootstrap;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * A corpus of payloads shaped like Meta's (meta-platform.md sections 1 to 4 and 12) and the
 * mutations a careful tester tries on them: types swapped, keys dropped, huge numbers, long
 * strings, NUL characters, deep nesting, oversized arrays, truncated bodies.
 */
final class MutatedMetaPayloads {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Warden's reader stops at 500,000 tokens (names, values, brackets) in one body (docs/operations.md). */
    private static final ObjectMapper READER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxTokenCount(500_000).build()).build());
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The values of real changes, by field. */
    static final List<String[]> CORPUS = List.of(
            new String[] {"message_template_status_update", """
                    {"event":"APPROVED","message_template_id":1689556908129832,"message_template_name":"order_update",
                     "message_template_language":"en-US","reason":"NONE","message_template_category":"UTILITY"}"""},
            new String[] {"message_template_status_update", """
                    {"event":"PAUSED","message_template_id":1689556908129833,"message_template_name":"order_update",
                     "message_template_language":"en_US","reason":null,"message_template_category":"MARKETING",
                     "other_info":{"title":"SECOND_PAUSE","description":"Your template has been paused for 6 hours"}}"""},
            new String[] {"message_template_status_update", """
                    {"event":"REJECTED","message_template_id":"1689556908129834","message_template_name":"promo_2026",
                     "message_template_language":"pt_BR","reason":"INVALID_FORMAT",
                     "rejection_info":{"reason":"Variables at the start","recommendation":"Add text before {{1}}"}}"""},
            new String[] {"message_template_status_update", """
                    {"event":"FLAGGED","message_template_id":1689556908129835,"message_template_name":"order_update",
                     "message_template_language":"en","reason":"NONE","disable_info":{"disable_date":"January 31, 2026"}}"""},
            new String[] {"message_template_status_update", """
                    {"event":"DISABLED","message_template_id":1689556908129835,"message_template_name":"order_update",
                     "message_template_language":"en","reason":"NONE","disable_info":{"disable_date":1769817600},
                     "other_info":{"title":"DISABLED","description":"Disabled after the third pause"}}"""},
            new String[] {"message_template_quality_update", """
                    {"previous_quality_score":"GREEN","new_quality_score":"YELLOW","message_template_id":1689556908129832,
                     "message_template_name":"order_update","message_template_language":"en-US"}"""},
            new String[] {"template_category_update", """
                    {"message_template_id":1689556908129836,"message_template_name":"welcome","message_template_language":"en_US",
                     "correct_category":"MARKETING","new_category":"UTILITY","category_update_timestamp":1769817600}"""},
            new String[] {"template_category_update", """
                    {"message_template_id":1689556908129836,"message_template_name":"welcome","message_template_language":"en_US",
                     "previous_category":"UTILITY","new_category":"MARKETING"}"""},
            new String[] {"message_template_components_update", """
                    {"message_template_id":1689556908129837,"message_template_name":"shipping","message_template_language":"en_US",
                     "message_template_element":"Hi {{1}}, your order {{2}} ships today.","message_template_title":"Your order",
                     "message_template_footer":"Reply STOP to opt out","message_template_buttons":[
                      {"message_template_button_type":"URL","message_template_button_text":"Track",
                       "message_template_button_url":"https://example.com/track/{{1}}"},
                      {"message_template_button_type":"PHONE_NUMBER","message_template_button_text":"Call us",
                       "message_template_button_phone_number":"+15550001111"}]}"""},
            new String[] {"messages", """
                    {"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550001111","phone_number_id":"106540352242922"},
                     "contacts":[{"profile":{"name":"Kerry"},"wa_id":"16505551234"}],
                     "messages":[{"from":"16505551234","id":"wamid.HBgL","timestamp":"1769817600","type":"text","text":{"body":"hi"}}]}"""},
            new String[] {"messages", """
                    {"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550001111","phone_number_id":"106540352242922"},
                     "statuses":[{"id":"wamid.HBgM","status":"failed","timestamp":"1769817601","recipient_id":"16505551234",
                      "errors":[{"code":131047,"title":"Re-engagement message"}]},
                      {"id":"wamid.HBgN","status":"delivered","timestamp":"1769817602","recipient_id":"16505551235",
                       "pricing":{"pricing_model":"PMP","type":"regular","category":"utility"}}]}"""},
            new String[] {"messages", """
                    {"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550001111","phone_number_id":"106540352242922"},
                     "statuses":[{"id":"wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJDQjZCMzlEQUE4OTJBMTE4RTUA","status":"sent","timestamp":"1769817600",
                       "recipient_id":"16505551234","recipient_user_id":"US.13491208655302741918",
                       "pricing":{"billable":true,"pricing_model":"PMP","category":"marketing","type":"regular"}},
                      {"id":"wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJDQjZCMzlEQUE4OTJBMTE4RTUA","status":"read","timestamp":"1769817660",
                       "recipient_user_id":"US.13491208655302741918",
                       "pricing":{"billable":false,"pricing_model":"PMP","category":"service","type":"free_customer_service"}},
                      {"id":"wamid.HBgO","status":"failed","timestamp":"1769817605","recipient_id":"16505551236",
                       "errors":[{"code":131050,"title":"Unable to deliver the message","message":"Unable to deliver the message",
                        "error_data":{"details":"Recipient opted out of marketing messages"},
                        "href":"https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/"}]},
                      {"id":"wamid.HBgP","status":"delivered","timestamp":1694492484,"recipient_id":"60173526233",
                       "conversation":{"id":"f5fdae3920125a39a1e6a23e5f877c16","expiration_timestamp":"1694505360","origin":{"type":"utility"}},
                       "pricing":{"billable":true,"pricing_model":"CBP","category":"utility"}}]}"""},
            new String[] {"messages", """
                    {"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550001111","phone_number_id":"106540352242922"},
                     "contacts":[{"profile":{"name":"Kerry"},"wa_id":"16505551234","user_id":"US.13491208655302741918"},
                      {"profile":{"name":"@sam"},"user_id":"US.555"}],
                     "messages":[{"from":"16505551234","from_user_id":"US.13491208655302741918","id":"wamid.HBgQ",
                       "timestamp":"1769817600","type":"text","text":{"body":"hi"}},
                      {"from_user_id":"US.555","id":"wamid.HBgR","timestamp":"1769817601","type":"text","text":{"body":"hello"}}]}"""});

    private MutatedMetaPayloads() {
    }

    /** The envelope of one corpus change for a WABA, mutated {@code mutations} times with the given seed. */
    static byte[] mutated(String wabaId, int shape, long seed, int mutations) {
        Random random = new Random(seed);
        ObjectNode envelope = envelope(wabaId, shape, random);
        boolean truncate = false;
        boolean grown = false;
        for (int i = 0; i < mutations; i++) {
            int kind = random.nextInt(10);
            if (kind == 9) {
                truncate = true;
            } else if (kind == 6 || kind == 7) {
                // One growth per body: 1,000 copies of a change holding a 700,000-element array would be
                // gigabytes, more than the test can write and far beyond the 413 limit anyway.
                if (!grown) {
                    mutateOnce(envelope, kind, random);
                }
                grown = true;
            } else {
                mutateOnce(envelope, kind, random);
            }
        }
        byte[] body = write(envelope);
        return truncate && body.length > 1 ? Arrays.copyOf(body, 1 + random.nextInt(body.length - 1)) : body;
    }

    static ObjectNode envelope(String wabaId, int shape, Random random) {
        String[] change = CORPUS.get(shape);
        ObjectNode envelope = NODES.objectNode().put("object", "whatsapp_business_account");
        ObjectNode entry = envelope.putArray("entry").addObject().put("id", wabaId);
        if (!"messages".equals(change[0])) {
            entry.put("time", 1_769_817_600L + random.nextInt(1_000_000));
        }
        entry.putArray("changes").addObject().put("field", change[0]).set("value", read(change[1]));
        return envelope;
    }

    private static void mutateOnce(ObjectNode envelope, int kind, Random random) {
        List<JsonNode> containers = new ArrayList<>();
        collectContainers(envelope, containers);
        if (containers.isEmpty()) {
            return; // an earlier mutation replaced the whole structure with a scalar
        }
        JsonNode target = containers.get(random.nextInt(containers.size()));
        switch (kind) {
            case 0 -> replaceChild(target, random, odd(random));            // types swapped
            case 1 -> dropChild(target, random);                            // keys dropped
            case 2 -> replaceChild(target, random, hugeNumber(random));     // huge numbers
            case 3 -> replaceChild(target, random, NODES.textNode(longText(random)));
            case 4 -> replaceChild(target, random, NODES.textNode("a\u0000b" + (random.nextBoolean() ? "\ud800" : "")));
            case 5 -> replaceChild(target, random, nested(random.nextBoolean() ? 900 : 1200));
            case 6 -> replaceChild(target, random, oversizedArray(random));
            case 7 -> manyChanges(envelope, random);
            default -> replaceEnvelopeScalar(envelope, random);          // WABA id, time, field themselves
        }
    }

    /** The first entry, if earlier mutations left the envelope's structure in place. */
    private static ObjectNode firstEntry(ObjectNode envelope) {
        return envelope.get("entry") instanceof ArrayNode entries && entries.get(0) instanceof ObjectNode entry
                && entry.get("changes") instanceof ArrayNode changes && changes.get(0) instanceof ObjectNode ? entry : null;
    }

    private static void replaceEnvelopeScalar(ObjectNode envelope, Random random) {
        ObjectNode entry = firstEntry(envelope);
        if (entry == null) {
            return;
        }
        JsonNode value = random.nextBoolean() ? hugeNumber(random) : NODES.textNode(longText(random));
        switch (random.nextInt(4)) {
            case 0 -> entry.set("time", value);
            case 1 -> entry.set("id", random.nextBoolean() ? value : NODES.textNode("1".repeat(500)));
            case 2 -> ((ObjectNode) entry.withArray("changes").get(0)).put("field", "x".repeat(500));
            default -> envelope.set("object", value);
        }
    }

    private static JsonNode odd(Random random) {
        return switch (random.nextInt(7)) {
            case 0 -> NODES.textNode("");
            case 1 -> NODES.numberNode(random.nextInt());
            case 2 -> NODES.booleanNode(random.nextBoolean());
            case 3 -> NODES.nullNode();
            case 4 -> NODES.objectNode().put("unexpected", "object");
            case 5 -> NODES.arrayNode().add("unexpected").add(1);
            default -> NODES.numberNode(new BigDecimal("-0.5"));
        };
    }

    private static JsonNode hugeNumber(Random random) {
        return switch (random.nextInt(7)) {
            case 0 -> NODES.numberNode(new BigDecimal("1e15"));
            case 1 -> NODES.numberNode(new BigDecimal("-1e15"));
            case 2 -> NODES.numberNode(new BigDecimal("1e999999999"));
            case 3 -> NODES.numberNode(new BigInteger("9".repeat(900)));
            case 4 -> NODES.numberNode(Long.MIN_VALUE);
            case 5 -> NODES.numberNode(new BigDecimal("1.5e308"));
            default -> NODES.numberNode(new BigDecimal("-9223372036854775809"));
        };
    }

    private static String longText(Random random) {
        int length = random.nextBoolean() ? 500 : 100_000;
        return "\u00e4" + "x".repeat(length);
    }

    /** A placeholder that {@link #write} expands: Jackson itself refuses to write more than 1000 levels. */
    private static JsonNode nested(int depth) {
        return NODES.textNode(NESTED + depth);
    }

    private static final String NESTED = "nested arrays, levels: ";

    private static void manyChanges(ObjectNode envelope, Random random) {
        ObjectNode entry = firstEntry(envelope);
        if (entry == null) {
            return;
        }
        ArrayNode changes = (ArrayNode) entry.get("changes");
        JsonNode first = changes.get(0);
        int copies = random.nextInt(4) == 0 ? 1000 : 5;
        for (int i = 0; i < copies; i++) {
            ObjectNode copy = first.deepCopy();
            if (copy.get("value") instanceof ObjectNode value) {
                value.put("message_template_id", 1_000_000 + i);
            }
            changes.add(copy);
        }
    }

    private static JsonNode oversizedArray(Random random) {
        ArrayNode array = NODES.arrayNode();
        int size = random.nextInt(4) == 0 ? 700_000 : 20_000;
        for (int i = 0; i < size; i++) {
            array.add(i);
        }
        return array;
    }

    private static void collectContainers(JsonNode node, List<JsonNode> into) {
        if (node.isContainerNode() && node.size() > 0 && into.size() < 200) {
            into.add(node);
            node.forEach(child -> collectContainers(child, into));
        }
    }

    private static void replaceChild(JsonNode container, Random random, JsonNode replacement) {
        if (container instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            object.set(names.get(random.nextInt(names.size())), replacement);
        } else if (container instanceof ArrayNode array) {
            array.set(random.nextInt(array.size()), replacement);
        }
    }

    private static void dropChild(JsonNode container, Random random) {
        if (container instanceof ObjectNode object) {
            Iterator<String> names = object.fieldNames();
            List<String> all = new ArrayList<>();
            names.forEachRemaining(all::add);
            object.remove(all.get(random.nextInt(all.size())));
        } else if (container instanceof ArrayNode array) {
            array.remove(random.nextInt(array.size()));
        }
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] write(JsonNode node) {
        try {
            String json = JSON.writeValueAsString(node);
            for (int at = json.indexOf("\"" + NESTED); at >= 0; at = json.indexOf("\"" + NESTED)) {
                int end = json.indexOf('"', at + 1);
                int depth = Integer.parseInt(json.substring(at + 1 + NESTED.length(), end));
                json = json.substring(0, at) + "[".repeat(depth) + "\"deep\"" + "]".repeat(depth) + json.substring(end + 1);
            }
            return json.getBytes(StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * How many changes a body carries over all its entries (each element, or value, of each entry's {@code changes}),
     * or -1 when it is not JSON as Warden's reader accepts it (Jackson's default limits, and at most 500,000 tokens).
     */
    static long changes(byte[] body) {
        JsonNode tree;
        try {
            tree = READER.readTree(body);
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
        if (tree == null || tree.isMissingNode()) {
            return -1;
        }
        long changes = 0;
        for (JsonNode entry : tree.path("entry")) {
            changes += entry.path("changes").size();
        }
        return changes;
    }
}
