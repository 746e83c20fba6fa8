package dev.warden.bootstrap;

import dev.warden.domain.alert.AlertEvent;
import dev.warden.domain.campaign.CampaignEvent;
import dev.warden.domain.shared.DomainEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.util.Locale;

/**
 * Counters of what governance did, from its committed events: campaigns paused and resumed
 * ({@code warden_campaigns_paused_total}, {@code warden_campaigns_resumed_total}) and alerts raised
 * ({@code warden_alerts_raised_total{severity}}, repeats of a deduplicated alert included).
 */
@Singleton
final class DomainEventMeters {

    private final MeterRegistry registry;

    DomainEventMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    @EventListener
    void on(DomainEvent event) {
        if (event instanceof CampaignEvent.Paused) {
            registry.counter("warden.campaigns.paused").increment();
        } else if (event instanceof CampaignEvent.Resumed) {
            registry.counter("warden.campaigns.resumed").increment();
        } else if (event instanceof AlertEvent.Raised raised) {
            registry.counter("warden.alerts.raised", "severity", raised.severity().name().toLowerCase(Locale.ROOT))
                    .increment();
        }
    }
}
