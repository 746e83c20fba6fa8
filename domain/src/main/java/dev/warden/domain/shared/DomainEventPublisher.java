package dev.warden.domain.shared;

import java.util.List;

/** Outgoing port: hands committed domain events to whoever listens (dashboards, later notifications). */
@FunctionalInterface
public interface DomainEventPublisher {

    void publish(List<? extends DomainEvent> events);
}
