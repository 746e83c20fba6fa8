package dev.warden.application.service;

import dev.warden.application.port.out.WebhookMetrics;
import dev.warden.application.port.out.WebhookMetrics.ChangeFate;
import dev.warden.domain.template.ChangeOutcome;
import java.util.EnumMap;
import java.util.Map;

/**
 * How the changes of one transaction were settled, told to {@link WebhookMetrics} only once it
 * committed: a batch that rolls back is cleared and counted again as its changes are retried.
 */
final class ChangeTally {

    private final Map<ChangeFate, Integer> counts = new EnumMap<>(ChangeFate.class);

    void add(ChangeFate fate) {
        counts.merge(fate, 1, Integer::sum);
    }

    void add(ChangeOutcome.Result result) {
        add(switch (result) {
            case APPLIED -> ChangeFate.APPLIED;
            case STALE -> ChangeFate.STALE;
            case DUPLICATE -> ChangeFate.DUPLICATE;
            case UNRECOGNISED -> ChangeFate.UNRECOGNISED;
        });
    }

    void clear() {
        counts.clear();
    }

    void reportTo(WebhookMetrics metrics) {
        counts.forEach(metrics::changes);
    }
}
