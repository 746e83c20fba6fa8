package dev.warden.bootstrap;

import dev.warden.application.port.out.WebhookMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Webhook counters for Prometheus: {@code warden_webhook_deliveries_total{outcome}} and
 * {@code warden_webhook_changes_total{fate}}. Every counter exists from the start at zero, so a
 * rate() over "no refusals yet" is 0 and not an absent series.
 */
@Singleton
final class MicrometerWebhookMetrics implements WebhookMetrics {

    private final Map<Delivery, Counter> deliveries = new EnumMap<>(Delivery.class);
    private final Map<ChangeFate, Counter> changes = new EnumMap<>(ChangeFate.class);

    MicrometerWebhookMetrics(MeterRegistry registry) {
        for (Delivery outcome : Delivery.values()) {
            deliveries.put(outcome, Counter.builder("warden.webhook.deliveries")
                    .description("POSTs to the webhook URL, by how they were answered")
                    .tag("outcome", tag(outcome)).register(registry));
        }
        for (ChangeFate fate : ChangeFate.values()) {
            changes.put(fate, Counter.builder("warden.webhook.changes")
                    .description("Webhook changes settled by the inbox workers, by what became of them (deferred: left for"
                            + " a later batch, not settled)")
                    .tag("fate", tag(fate)).register(registry));
        }
    }

    @Override
    public void delivery(Delivery outcome) {
        deliveries.get(outcome).increment();
    }

    @Override
    public void changes(ChangeFate fate, int count) {
        changes.get(fate).increment(count);
    }

    private static String tag(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
