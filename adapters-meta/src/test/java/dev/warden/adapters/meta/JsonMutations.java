package dev.warden.adapters.meta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/** Fuzzing Meta's JSON: a valid document with random keys or elements replaced by odd values, or dropped. */
public final class JsonMutations {

    private JsonMutations() {
    }

    /**
     * Replaces {@code mutations} random members of {@code root} in place.
     *
     * @param odd an odd value for the random source, or null to drop the member
     */
    public static void mutate(JsonNode root, Random random, int mutations, Function<Random, JsonNode> odd) {
        for (int i = 0; i < mutations; i++) {
            List<JsonNode> containers = new ArrayList<>();
            collect(root, containers);
            if (containers.isEmpty()) {
                return;
            }
            JsonNode target = containers.get(random.nextInt(containers.size()));
            JsonNode replacement = odd.apply(random);
            if (target instanceof ObjectNode object) {
                List<String> names = new ArrayList<>();
                object.fieldNames().forEachRemaining(names::add);
                String name = names.get(random.nextInt(names.size()));
                if (replacement == null) {
                    object.remove(name);
                } else {
                    object.set(name, replacement);
                }
            } else if (target instanceof ArrayNode array) {
                int index = random.nextInt(array.size());
                if (replacement == null) {
                    array.remove(index);
                } else {
                    array.set(index, replacement);
                }
            }
        }
    }

    private static void collect(JsonNode node, List<JsonNode> into) {
        if (node.isContainerNode() && node.size() > 0) {
            into.add(node);
            node.forEach(child -> collect(child, into));
        }
    }
}
