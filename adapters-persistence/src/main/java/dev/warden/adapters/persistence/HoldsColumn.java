package dev.warden.adapters.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.domain.campaign.Hold;
import dev.warden.domain.campaign.HoldCause;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.JSONB;

/**
 * {@code campaigns.holds} (V28, docs/adr/0023): a campaign's holds in its own row, one member per cause,
 * {@code {"TEMPLATE_STATUS": {"detail": "PAUSED", "since": "2026-12-03T13:03:41.123456Z"}, "MANUAL": {"by": "alice",
 * "since": ...}}}; no {@code detail} or {@code by} member when the hold has none. {@code since} is an ISO-8601
 * instant in UTC: as {@link Instant#toString} writes it (here and in {@link CampaignHoldStatements}), or with six
 * fraction digits for the holds V28 moved from their old table.
 */
final class HoldsColumn {

    private HoldsColumn() {
    }

    static String since(Instant since) {
        return since.toString();
    }

    static JSONB of(Collection<Hold> holds) {
        ObjectNode column = Json.MAPPER.createObjectNode();
        for (Hold hold : holds) {
            ObjectNode member = column.putObject(hold.cause().name());
            hold.detail().ifPresent(detail -> member.put("detail", detail));
            hold.by().ifPresent(by -> member.put("by", by));
            member.put("since", since(hold.since()));
        }
        return JSONB.valueOf(column.toString());
    }

    static List<Hold> from(JSONB column) {
        List<Hold> holds = new ArrayList<>();
        for (Map.Entry<String, JsonNode> member : Json.tree(column).properties()) {
            JsonNode hold = member.getValue();
            holds.add(new Hold(HoldCause.valueOf(member.getKey()), text(hold, "detail"),
                    Instant.parse(hold.get("since").asText()), text(hold, "by")));
        }
        return holds;
    }

    private static Optional<String> text(JsonNode hold, String name) {
        return Optional.ofNullable(hold.get(name)).filter(JsonNode::isTextual).map(JsonNode::asText);
    }
}
