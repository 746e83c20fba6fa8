package dev.warden.application.service;

import dev.warden.application.port.out.DeadLetterLog;
import dev.warden.application.port.out.WebhookMetrics;
import dev.warden.application.port.out.WebhookMetrics.ChangeFate;
import dev.warden.domain.template.ChangeOutcome;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * How the changes of one transaction were settled, told to {@link WebhookMetrics} and the dead letters to the
 * {@link DeadLetterLog} only once it committed: a batch that rolls back is cleared and counted (and logged) again as
 * its changes are retried, so a dead letter is logged once.
 */
final class ChangeTally {

    private final Map<ChangeFate, Integer> counts = new EnumMap<>(ChangeFate.class);
    private final List<Consumer<DeadLetterLog>> deadLetters = new ArrayList<>();

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

    void deadLettered(long changeId, long deliveryId, String wabaId, String field, String reason) {
        add(ChangeFate.DEAD);
        deadLetters.add(log -> log.deadLettered(changeId, deliveryId, wabaId, field, reason));
    }

    void clear() {
        counts.clear();
        deadLetters.clear();
    }

    void reportTo(WebhookMetrics metrics, DeadLetterLog log) {
        deadLetters.forEach(line -> line.accept(log));
        counts.forEach(metrics::changes);
    }
}
