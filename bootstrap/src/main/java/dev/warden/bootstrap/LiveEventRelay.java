package dev.warden.bootstrap;

import dev.warden.adapters.web.live.EventTickets;
import dev.warden.adapters.web.live.LiveEvent;
import dev.warden.adapters.web.live.LiveSessions;
import dev.warden.application.port.out.EventBroadcast;
import dev.warden.domain.shared.DomainEvent;
import io.micronaut.context.BeanProvider;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;

/**
 * Carries every committed domain event to the dashboards open on any instance: out through the
 * broadcast (PostgreSQL NOTIFY), and what the broadcast brings in, from this instance or another,
 * into this instance's live sockets. Only a server listens (it has sockets); any Warden, the command
 * line's too, sends.
 */
@Singleton
final class LiveEventRelay {

    private final LiveSessions sessions;
    private final EventBroadcast broadcast;
    private final BeanProvider<EventTickets> tickets;

    LiveEventRelay(LiveSessions sessions, EventBroadcast broadcast, BeanProvider<EventTickets> tickets) {
        this.sessions = sessions;
        this.broadcast = broadcast;
        this.tickets = tickets;
    }

    /**
     * Listens, and makes the tickets now: their key is read in a database transaction, which must not
     * run on the event loop of the first socket or ticket request. A command-line Warden never makes them.
     */
    @EventListener
    void start(ServerStartupEvent started) {
        tickets.get();
        broadcast.receiveWith(sessions::deliver);
    }

    @EventListener
    void on(DomainEvent event) {
        LiveEvent.of(event).map(sessions::text).ifPresent(broadcast::send);
    }
}
