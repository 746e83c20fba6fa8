package dev.warden.bootstrap.wiring;

import dev.warden.domain.shared.DomainEvent;
import dev.warden.domain.shared.DomainEventPublisher;
import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Hands committed domain events to in-process Micronaut listeners: the meters ({@code DomainEventMeters})
 * and the live dashboards ({@code LiveEventRelay}, which carries them to every instance).
 */
@Singleton
final class MicronautEventPublisher implements DomainEventPublisher {

    private final ApplicationEventPublisher<DomainEvent> events;

    MicronautEventPublisher(ApplicationEventPublisher<DomainEvent> events) {
        this.events = events;
    }

    @Override
    public void publish(List<? extends DomainEvent> published) {
        published.forEach(events::publishEvent);
    }
}
