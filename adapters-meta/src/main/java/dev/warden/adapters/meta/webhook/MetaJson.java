package dev.warden.adapters.meta.webhook;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.application.port.out.MalformedPayload;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reading Meta's JSON with the loose types Meta uses: numbers as numbers or strings, ids beyond
 * 2^53 (read exactly, never through a double), keys that come and go.
 */
public final class MetaJson {

    public static final ObjectMapper MAPPER = mapper(JsonFactory.builder().build());

    /**
     * Most tokens (names, values, brackets) one webhook body may hold. Meta batches at most 1,000 changes, the
     * richest (a components update with ten buttons) about 120 tokens; a signed 4 MB body of empty objects is over
     * two million, which Jackson would build into a tree of some 200 MB before a change could be counted. Reading
     * stops at the limit, so that tree stays under some 35-50 MB.
     */
    static final long MAX_BODY_TOKENS = 500_000;

    private static final ObjectMapper BODY_MAPPER = mapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxTokenCount(MAX_BODY_TOKENS).build()).build());

    private static final int MAX_PLAIN_SCALE = 100;
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private MetaJson() {
    }

    private static ObjectMapper mapper(JsonFactory factory) {
        return JsonMapper.builder(factory)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    static JsonNode read(byte[] body) {
        try {
            JsonNode tree = BODY_MAPPER.readTree(body);
            if (tree == null || tree.isMissingNode()) {
                throw new MalformedPayload("the body is empty");
            }
            return tree;
        } catch (StreamConstraintsException e) {
            throw new MalformedPayload("the body is beyond Warden's limits: " + e.getOriginalMessage());
        } catch (IOException | RuntimeException e) {
            throw new MalformedPayload("the body is not JSON: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
    }

    static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new MalformedPayload("stored change is not JSON: " + e.getOriginalMessage());
        }
    }

    /** Text of a scalar (string, number, boolean), exact for big integers; null when absent or not scalar. */
    public static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode() || node.isContainerNode()) {
            return null;
        }
        if (node.isBigDecimal() || node.isDouble() || node.isFloat()) {
            BigDecimal decimal = node.decimalValue().stripTrailingZeros();
            // 1e999999999 written plainly would be a billion digits: far from plain, it stays scientific.
            return Math.abs((long) decimal.scale()) > MAX_PLAIN_SCALE ? decimal.toString() : decimal.toPlainString();
        }
        String text = node.asText();
        return text.isBlank() ? null : text.strip();
    }

    /**
     * Unix seconds as a number or a numeric string; milliseconds are recognised by their size.
     * Null when absent or not such a time in the years 1 to 9999 (what Warden stores).
     */
    static Instant epoch(JsonNode node) {
        String text = text(node);
        if (text == null) {
            return null;
        }
        try {
            long value = new BigDecimal(text).longValueExact();
            Instant instant = value > 100_000_000_000L ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
            return instant.isBefore(EARLIEST) || instant.isAfter(LATEST) ? null : instant;
        } catch (NumberFormatException | ArithmeticException | DateTimeException e) {
            return null;
        }
    }

    /** The JSON with object keys sorted at every level: the same content always reads the same. */
    static String canonical(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(sorted(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> fields = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                fields.put(field.getKey(), sorted(field.getValue()));
            }
            ObjectNode copy = MAPPER.createObjectNode();
            fields.forEach(copy::set);
            return copy;
        }
        if (node.isArray()) {
            var copy = MAPPER.createArrayNode();
            node.forEach(element -> copy.add(sorted(element)));
            return copy;
        }
        return node;
    }
}
