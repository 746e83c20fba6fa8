package dev.warden.bootstrap;

import dev.warden.domain.shared.DomainEvent;
import io.micronaut.context.event.ApplicationEventListener;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Test listener: every domain event the application published, as a live dashboard would receive it. */
@Singleton
class RecordedEvents implements ApplicationEventListener<DomainEvent> {

    private final List<DomainEvent> events = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void onApplicationEvent(DomainEvent event) {
        events.add(event);
    }

    List<DomainEvent> all() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }
}
