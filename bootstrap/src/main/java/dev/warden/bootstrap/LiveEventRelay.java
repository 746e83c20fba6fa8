package dev.warden.bootstrap;

import dev.warden.adapters.web.live.LiveEvent;
import dev.warden.adapters.web.live.LiveSessions;
import dev.warden.application.port.out.EventBroadcast;
import dev.warden.domain.shared.DomainEvent;
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

    LiveEventRelay(LiveSessions sessions, EventBroadcast broadcast) {
        this.sessions = sessions;
        this.broadcast = broadcast;
    }

    @EventListener
    void start(ServerStartupEvent started) {
        broadcast.receiveWith(sessions::deliver);
    }

    @EventListener
    void on(DomainEvent event) {
        LiveEvent.of(event).map(sessions::text).ifPresent(broadcast::send);
    }
}
