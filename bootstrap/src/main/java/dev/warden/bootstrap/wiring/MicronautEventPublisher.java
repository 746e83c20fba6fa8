package dev.warden.bootstrap.wiring;

import dev.warden.domain.shared.DomainEvent;
import dev.warden.domain.shared.DomainEventPublisher;
import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands committed domain events to in-process Micronaut listeners: the meters ({@code DomainEventMeters})
 * and the live dashboards ({@code LiveEventRelay}, which carries them to every instance). The events are
 * committed when they come here, so a listener that fails is logged and the other events still go out; the
 * caller (an inbox worker, a request) is not made to redo or wait for anything. Micronaut calls an event's
 * listeners in turn and stops at the first that fails, so those after it miss that one event.
 */
@Singleton
final class MicronautEventPublisher implements DomainEventPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(MicronautEventPublisher.class);

    private final ApplicationEventPublisher<DomainEvent> events;

    MicronautEventPublisher(ApplicationEventPublisher<DomainEvent> events) {
        this.events = events;
    }

    @Override
    public void publish(List<? extends DomainEvent> published) {
        for (DomainEvent event : published) {
            try {
                events.publishEvent(event);
            } catch (RuntimeException e) {
                LOG.warn("A listener of {} failed; the event is committed, only meters or live views miss it",
                        event.getClass().getSimpleName(), e);
            }
        }
    }
}
