package dev.warden.bootstrap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * JSON a careless or hostile client might send, drawn from a seed (QuickTheories reports the seed of a
 * failure, which replays it): any value, and valid bodies with one field replaced or removed.
 */
final class RandomJson {

    private static final String[] TEXTS = {"", " ", "{{1}}", "{{", "}}", "{{name}}", "{{ 1 }}", "{{0}}", "{{-1}}",
        "{{a}}{{b}}", "Hello {{1}} there", "\u0000", "\n\t", "é漢字😀", "x".repeat(2000), "{{" + "9".repeat(30) + "}}",
        "NAMED", "POSITIONAL", "HEADER", "BODY", "FOOTER", "BUTTONS", "URL", "QUICK_REPLY", "COPY_CODE", "TEXT",
        "IMAGE", "MARKETING", "en_US", "0", "-1", "2147483648", "https://a.example/{{1}}", "\ud800"};

    private final Random random;

    RandomJson(long seed) {
        this.random = new Random(seed);
    }

    /** Any JSON value, nested at most {@code depth} deep. */
    Object value(int depth) {
        int kind = random.nextInt(depth <= 0 ? 5 : 7);
        return switch (kind) {
            case 0 -> null;
            case 1 -> random.nextBoolean();
            case 2 -> random.nextInt(3) == 0 ? random.nextDouble() * 1e12 : (Object) (long) random.nextInt();
            case 3, 4 -> text();
            case 5 -> {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    list.add(value(depth - 1));
                }
                yield list;
            }
            default -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    map.put(random.nextBoolean() ? pick(TEXTS) : text(), value(depth - 1));
                }
                yield map;
            }
        };
    }

    String text() {
        if (random.nextBoolean()) {
            return pick(TEXTS);
        }
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(30); i > 0; i--) {
            text.append(random.nextInt(4) == 0 ? pick(TEXTS) : String.valueOf((char) (32 + random.nextInt(95))));
        }
        return text.toString();
    }

    /** {@code body} with one field, anywhere in it, replaced by any value or removed. */
    @SuppressWarnings("unchecked")
    Object mutate(Object body) {
        if (body instanceof Map<?, ?> map && !map.isEmpty()) {
            Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) map);
            List<String> keys = new ArrayList<>(copy.keySet());
            String key = keys.get(random.nextInt(keys.size()));
            int choice = random.nextInt(4);
            if (choice == 0) {
                copy.remove(key);
            } else if (choice == 1) {
                copy.put(key, value(2));
            } else {
                copy.put(key, mutate(copy.get(key)));
            }
            return copy;
        }
        if (body instanceof List<?> list && !list.isEmpty()) {
            List<Object> copy = new ArrayList<>(list);
            int index = random.nextInt(copy.size());
            copy.set(index, random.nextInt(3) == 0 ? value(2) : mutate(copy.get(index)));
            return copy;
        }
        return value(2);
    }

    <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    boolean chance(int oneIn) {
        return random.nextInt(oneIn) == 0;
    }

    /** Serialises as JSON; strings escaped as any JSON writer would (lone surrogates included, as \\u escapes). */
    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null || value instanceof Boolean || value instanceof Number) {
            out.append(value);
        } else if (value instanceof String text) {
            out.append('"');
            for (char c : text.toCharArray()) {
                if (c == '"' || c == '\\') {
                    out.append('\\').append(c);
                } else if (c < 0x20 || Character.isSurrogate(c)) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
            out.append('"');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ",");
                write(list.get(i), out);
            }
            out.append(']');
        } else {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                out.append(first ? "" : ",");
                first = false;
                write(String.valueOf(entry.getKey()), out);
                out.append(':');
                write(entry.getValue(), out);
            }
            out.append('}');
        }
    }
}
