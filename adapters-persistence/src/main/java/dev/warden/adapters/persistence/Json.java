package dev.warden.adapters.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jooq.JSONB;

/** jsonb columns: string maps and trees, read and written with one shared Jackson mapper. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, String>> STRING_MAP = new TypeReference<>() { };

    private Json() {
    }

    static JSONB of(Map<String, String> map) {
        return write(map);
    }

    static JSONB write(Object value) {
        try {
            return JSONB.valueOf(MAPPER.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON for " + value.getClass().getSimpleName(), e);
        }
    }

    static Map<String, String> stringMap(JSONB json) {
        if (json == null) {
            return Map.of();
        }
        try {
            return MAPPER.readValue(json.data(), STRING_MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is not a string map", e);
        }
    }

    static JsonNode tree(JSONB json) {
        try {
            return MAPPER.readTree(json.data());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON cannot be read", e);
        }
    }
}
