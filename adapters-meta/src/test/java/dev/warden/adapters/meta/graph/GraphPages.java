package dev.warden.adapters.meta.graph;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.adapters.meta.JsonMutations;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;

/**
 * Odd template-list pages for fuzzing: a page as meta-platform.md §5.1 shows it, with random keys
 * replaced by odd values (huge numbers, wrong types, long text, nulls) or dropped.
 */
public final class GraphPages {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private GraphPages() {
    }

    /** A valid last page of two templates, then {@code mutations} random replacements. */
    public static String mutated(Random random, int mutations) {
        ObjectNode page = NODES.objectNode();
        ArrayNode data = page.putArray("data");
        data.addObject().put("name", "welcome_offer").put("language", "en_US").put("status", "APPROVED")
                .put("category", "MARKETING").put("id", "1689556908129832").put("parameter_format", "POSITIONAL")
                .putObject("quality_score").put("score", "GREEN").put("date", 1732612225);
        data.addObject().put("name", "order_update").put("language", "pt_BR").put("status", "PAUSED")
                .put("category", "UTILITY").put("id", "594425479261596").put("rejected_reason", "NONE");
        page.putObject("paging").putObject("cursors").put("before", "QVFIUb").put("after", "QVFIUe");
        page.putObject("summary").put("total_count", 2).put("message_template_limit", 6000);
        JsonMutations.mutate(page, random, mutations, r -> switch (r.nextInt(10)) {
            case 0 -> NODES.textNode("x".repeat(r.nextBoolean() ? 70 : 5000));
            case 1 -> NODES.numberNode(new BigDecimal(r.nextBoolean() ? "1e999999999" : "-1e-999999999"));
            case 2 -> NODES.numberNode(new BigInteger("9".repeat(1 + r.nextInt(60))));
            case 3 -> NODES.numberNode(r.nextBoolean() ? Long.MIN_VALUE : 1.5e300);
            case 4 -> NODES.objectNode().put("score", "RED");
            case 5 -> NODES.arrayNode().add(1).add("two").addNull();
            case 6 -> r.nextBoolean() ? NODES.nullNode() : NODES.booleanNode(true);
            case 7 -> NODES.textNode(r.nextBoolean() ? "ARCHIVED" : "SOMETHING_NEW \u0000 \ud800");
            case 8 -> NODES.textNode(r.nextBoolean() ? "-1" : "00012");
            default -> null; // drop the key or element
        });
        String json = page.toString();
        // Now and then not JSON at all: cut short, or a proxy's error page.
        return switch (random.nextInt(12)) {
            case 0 -> json.substring(0, random.nextInt(json.length()));
            case 1 -> "<html><body>502 Bad Gateway</body></html>";
            default -> json;
        };
    }
}
