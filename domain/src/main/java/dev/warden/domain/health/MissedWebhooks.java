package dev.warden.domain.health;

import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Changes a reconciliation applied to templates Warden already knew: each is a change Meta
 * reports by webhook, so each one reconciliation had to apply is a webhook that did not arrive.
 * Imports and deletions are not counted: Meta sends no webhook for a template created outside
 * Warden, and none for every deletion.
 */
public final class MissedWebhooks {

    private final Map<WebhookField, Integer> counts = new EnumMap<>(WebhookField.class);

    public void count(WebhookField field) {
        counts.merge(field, 1, Integer::sum);
    }

    public void addAll(MissedWebhooks other) {
        other.counts.forEach((field, n) -> counts.merge(field, n, Integer::sum));
    }

    public void clear() {
        counts.clear();
    }

    public int of(WebhookField field) {
        return counts.getOrDefault(field, 0);
    }

    public int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Whether this many missed changes in one reconciliation means webhooks are not arriving. */
    public boolean reaches(int threshold) {
        return total() > 0 && total() >= threshold;
    }

    /** The Meta fields whose changes were missed, e.g. {@code message_template_status_update (2)}. */
    public String describe() {
        return counts.entrySet().stream().map(e -> e.getKey().metaField() + " (" + e.getValue() + ")")
                .collect(Collectors.joining(", "));
    }

    public Map<WebhookField, Integer> asMap() {
        return Map.copyOf(counts);
    }
}
