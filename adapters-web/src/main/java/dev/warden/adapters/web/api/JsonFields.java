package dev.warden.adapters.web.api;

import dev.warden.adapters.web.problem.FieldError;
import dev.warden.adapters.web.problem.InvalidRequest;
import dev.warden.domain.shared.InvalidValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads a JSON body bound as maps and lists, collecting every fault with its path ({@code components[1].text})
 * instead of stopping at the first, so one answer tells a person everything to fix. At most
 * {@link #MAX_ERRORS} are listed, and how many more there were: a large body of wrong values must not make an
 * answer larger still.
 */
final class JsonFields {

    static final int MAX_ERRORS = 100;

    private final List<FieldError> errors = new ArrayList<>();
    private int unlisted;

    /** Text at {@code key}; empty when absent or null. */
    Optional<String> text(Map<String, Object> object, String key, String path) {
        Object value = object.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String text)) {
            error(path, "WRONG_TYPE", "must be text, was " + describe(value));
            return Optional.empty();
        }
        // PostgreSQL cannot store NUL in text, and no template contains one.
        if (text.indexOf('\u0000') >= 0) {
            error(path, "INVALID_CHARACTER", "must not contain NUL characters");
            return Optional.empty();
        }
        return Optional.of(text);
    }

    /** Text at {@code key} that must be there and not blank. */
    Optional<String> requiredText(Map<String, Object> object, String key, String path) {
        if (object.get(key) == null) {
            error(path, "REQUIRED", "is required");
            return Optional.empty();
        }
        Optional<String> text = text(object, key, path);
        if (text.isPresent() && text.get().isBlank()) {
            error(path, "REQUIRED", "must not be blank");
            return Optional.empty();
        }
        return text;
    }

    /** Parses present text with a value object's parser; its refusal becomes this path's error. */
    <T> Optional<T> parse(Optional<String> text, String path, Function<String, T> parser) {
        return text.flatMap(value -> build(path, () -> parser.apply(value)));
    }

    /** Builds a value object, turning its refusal into an error at {@code path}. */
    <T> Optional<T> build(String path, Supplier<T> builder) {
        try {
            return Optional.of(builder.get());
        } catch (InvalidValue refused) {
            error(path, "INVALID_VALUE", refused.getMessage());
            return Optional.empty();
        }
    }

    @SuppressWarnings("unchecked")
    Optional<Map<String, Object>> object(Object value, String path) {
        if (value instanceof Map<?, ?> map) {
            return Optional.of((Map<String, Object>) map);
        }
        error(path, value == null ? "REQUIRED" : "WRONG_TYPE", "must be an object, was " + describe(value));
        return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    Optional<List<Object>> list(Object value, String path) {
        if (value instanceof List<?> list) {
            return Optional.of((List<Object>) list);
        }
        error(path, value == null ? "REQUIRED" : "WRONG_TYPE", "must be a list, was " + describe(value));
        return Optional.empty();
    }

    /** An object of texts by name, such as examples or values; absent means none. */
    Map<String, String> texts(Map<String, Object> object, String key, String path) {
        Map<String, String> texts = new LinkedHashMap<>();
        if (object.get(key) == null) {
            return texts;
        }
        object(object.get(key), path).ifPresent(map -> map.keySet().forEach(name ->
                text(map, name, path + "." + name).ifPresent(text -> texts.put(name, text))));
        return texts;
    }

    void error(String path, String rule, String message) {
        if (errors.size() < MAX_ERRORS) {
            errors.add(new FieldError(path, rule, message));
        } else {
            unlisted++;
        }
    }

    /** @throws InvalidRequest when anything was at fault */
    void requireValid() {
        if (!errors.isEmpty()) {
            List<FieldError> listed = new ArrayList<>(errors);
            if (unlisted > 0) {
                listed.add(new FieldError("", "MORE_ERRORS", unlisted + " more faults, not listed"));
            }
            throw new InvalidRequest(listed);
        }
    }

    static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String) {
            return "text";
        }
        if (value instanceof Number) {
            return "a number";
        }
        if (value instanceof Boolean) {
            return "true/false";
        }
        return value instanceof List ? "a list" : "an object";
    }
}
