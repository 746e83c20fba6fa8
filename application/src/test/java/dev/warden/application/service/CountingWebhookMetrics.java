package dev.warden.application.service;

import dev.warden.application.port.out.WebhookMetrics;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Remembers what it was told, for tests of what operators would see counted. */
final class CountingWebhookMetrics implements WebhookMetrics {

    private final Map<Enum<?>, Integer> counts = new ConcurrentHashMap<>();

    @Override
    public void delivery(Delivery outcome) {
        counts.merge(outcome, 1, Integer::sum);
    }

    @Override
    public void changes(ChangeFate fate, int count) {
        counts.merge(fate, count, Integer::sum);
    }

    int count(Enum<?> outcomeOrFate) {
        return counts.getOrDefault(outcomeOrFate, 0);
    }
}
