package dev.warden.bootstrap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Bad parts of an API request drawn from one seed (QuickTheories reports it; it replays the request): query
 * and path values of the wrong type, at the extremes, empty, huge or in odd unicode, and JSON bodies with
 * wrong types, missing or extra properties, nulls, extreme numbers, huge strings and deep nesting, sent as
 * JSON or as a content type the route does not read.
 * {@link RandomJson} supplies the arbitrary values; this adds what a parameter or a whole body can get wrong.
 */
final class MutatedRequests {

    /** Text a typed parameter chokes on: numbers past int and long, dates past their range, ids of no form. */
    private static final String[] ODD = {"", " ", "0", "-1", "2147483647", "2147483648", "-2147483649",
        "9223372036854775807", "9223372036854775808", "-9223372036854775809", "1e309", "NaN", "Infinity", "1.5",
        "0x10", "00000000-0000-0000-0000-000000000000", "2024-13-45", "1970-01-01T00:00:00Z", "2024-02-30",
        "+999999999-12-31T23:59:59Z", "-999999999-01-01", "9999-12-31T23:59:59.999999999Z", "P1000000000D",
        "true", "null", "[]", "{}", "%", "%00", "..", "../..", "a,b", "?x=1", "#", "\u0000", "\u202e\u0301",
        "é漢字😀", "\ud83d", "'; DROP TABLE templates; --", "\\", "x".repeat(1000)};
    /** Numbers a JSON body field can hold that no Java int, long or double field holds as written. */
    private static final Object[] EXTREMES = {0, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE,
        Long.MIN_VALUE, new java.math.BigInteger("99999999999999999999999999"), 1e308, -1e308, 4.9e-324, -0.0,
        1.5, new java.math.BigDecimal("1e400")};

    private final RandomJson random;

    MutatedRequests(long seed) {
        this.random = new RandomJson(seed);
    }

    /**
     * Which part of a request of {@code parts} parts (path parameters, query parameters, body) is mutated:
     * one of them, the others valid so the request reaches the code that reads it; -1 (one time in six): all.
     */
    int target(int parts) {
        return parts == 0 || random.chance(6) ? -1 : random.pick(new Integer[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11})
                % parts;
    }

    /** The content type a body is sent with: JSON mostly, sometimes one the route does not read, or none. */
    String contentType() {
        return random.chance(8) ? random.pick(new String[] {"text/plain", "application/x-www-form-urlencoded",
            "application/xml", "multipart/form-data", "application/json; charset=latin1", "*/*"}) : "application/json";
    }

    /** How often a query parameter is sent: once mostly, now and then twice (with different values). */
    int repeats() {
        return random.chance(10) ? 2 : 1;
    }

    /** A valid query value, or null to leave the parameter out. */
    String validQuery(String valid) {
        return random.chance(2) ? null : valid;
    }

    /** A bad value for a query parameter: absent, of the wrong kind, or text of any kind. */
    String query() {
        return switch (random.pick(new Integer[] {0, 1, 1, 2, 2})) {
            case 0 -> null;
            case 1 -> random.pick(ODD);
            default -> random.text();
        };
    }

    /** A bad value for a path parameter: text of any kind, or another, unknown id. */
    String path() {
        return switch (random.pick(new Integer[] {0, 0, 1, 2})) {
            case 0 -> random.pick(ODD);
            case 1 -> UUID.randomUUID().toString();
            default -> random.text();
        };
    }

    /** A body as JSON text (or not quite JSON), starting from {@code valid}. */
    String body(Object valid) {
        return switch (random.pick(new Integer[] {0, 0, 0, 1, 2, 3, 4, 5, 6, 7})) {
            case 0 -> RandomJson.write(random.mutate(valid));
            case 1 -> RandomJson.write(extra(valid));
            case 2 -> RandomJson.write(replaceAny(valid, random.pick(EXTREMES)));
            case 3 -> RandomJson.write(replaceAny(valid, hugeText()));
            case 4 -> RandomJson.write(replaceAny(valid, nested(1 + random.pick(new Integer[] {10, 100, 400, 900}))));
            case 5 -> RandomJson.write(random.value(3));
            case 6 -> random.pick(new String[] {"", "null", "[]", "{}", "\"text\"", "0", "{\"a\":", "{,}", "[1,]"});
            default -> {
                String json = RandomJson.write(valid);
                yield json.substring(0, json.isEmpty() ? 0 : random.pick(new Integer[] {0, 1, json.length() / 2,
                        json.length() - 1}));
            }
        };
    }

    <T> T pick(List<T> values) {
        return values.get(random.pick(new Integer[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}) % values.size());
    }

    /** {@code body} with a property of any name added, at the top or inside a nested object. */
    @SuppressWarnings("unchecked")
    private Object extra(Object body) {
        if (body instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) map);
            copy.put(random.chance(3) ? "organizationId" : random.text(), random.value(2));
            return copy;
        }
        return body;
    }

    /** {@code body} with one value anywhere in it (the body itself included) replaced by {@code value}. */
    @SuppressWarnings("unchecked")
    private Object replaceAny(Object body, Object value) {
        if (body instanceof Map<?, ?> map && !map.isEmpty() && !random.chance(6)) {
            Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) map);
            List<String> keys = new ArrayList<>(copy.keySet());
            String key = pick(keys);
            copy.put(key, random.chance(2) ? value : replaceAny(copy.get(key), value));
            return copy;
        }
        if (body instanceof List<?> list && !list.isEmpty() && !random.chance(6)) {
            List<Object> copy = new ArrayList<>(list);
            int index = copy.indexOf(pick(copy));
            copy.set(index, replaceAny(copy.get(index), value));
            return copy;
        }
        return value;
    }

    private String hugeText() {
        int length = random.pick(new Integer[] {256, 1001, 5000, 70_000});
        return random.pick(new String[] {"x", "é", "😀", "{{1}}", " "}).repeat(length);
    }

    /** Arrays and objects nested {@code depth} deep around one value. */
    private Object nested(int depth) {
        Object value = random.value(0);
        for (int i = 0; i < depth; i++) {
            value = random.chance(2) ? List.of(value == null ? List.of() : value) : Map.of("a", value == null ? "" : value);
        }
        return value;
    }
}
