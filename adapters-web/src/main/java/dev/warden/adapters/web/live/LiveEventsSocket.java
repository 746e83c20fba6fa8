package dev.warden.adapters.web.live;

import dev.warden.application.port.in.Actor;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.websocket.CloseReason;
import io.micronaut.websocket.WebSocketSession;
import io.micronaut.websocket.annotation.OnClose;
import io.micronaut.websocket.annotation.OnMessage;
import io.micronaut.websocket.annotation.OnOpen;
import io.micronaut.websocket.annotation.ServerWebSocket;
import java.time.Clock;
import java.util.Optional;

/**
 * Web adapter: {@code /ws/events?ticket=...}, the dashboard's live feed. The upgrade itself is open to
 * anyone (a browser cannot send a bearer token on it); the ticket from {@code POST /api/v1/ws-tickets}
 * decides, and a socket without a valid one is closed at once with 1008 (policy violation).
 */
@ServerWebSocket("/ws/events")
@Secured(SecurityRule.IS_ANONYMOUS)
final class LiveEventsSocket {

    private final EventTickets tickets;
    private final LiveSessions sessions;
    private final Clock clock;

    LiveEventsSocket(EventTickets tickets, LiveSessions sessions, Clock clock) {
        this.tickets = tickets;
        this.sessions = sessions;
        this.clock = clock;
    }

    @OnOpen
    void open(WebSocketSession session, HttpRequest<?> request) {
        Optional<Actor> actor = tickets.verify(request.getParameters().get("ticket"), clock.instant());
        if (actor.isEmpty()) {
            session.close(CloseReason.POLICY_VIOLATION);
            return;
        }
        sessions.opened(session, actor.get());
    }

    /** The feed is one-way; whatever a browser sends is ignored. */
    @OnMessage
    void message(String ignored, WebSocketSession session) {
        // Nothing to do: the socket exists only to push events.
    }

    @OnClose
    void close(WebSocketSession session) {
        sessions.closed(session);
    }
}
