package dev.warden.adapters.web.live;

import dev.warden.application.port.in.Actor;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.websocket.CloseReason;
import io.micronaut.websocket.WebSocketSession;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live event sockets open on this instance, each with the actor its ticket named. An event goes
 * to the sockets of its organisation, and to super admins (who see every organisation), never elsewhere.
 */
@Singleton
public final class LiveSessions {

    private final Map<String, Open> sessions = new ConcurrentHashMap<>();
    private final ObjectMapper json;

    LiveSessions(ObjectMapper json) {
        this.json = json;
    }

    private record Open(WebSocketSession session, Actor actor) {
    }

    void opened(WebSocketSession session, Actor actor) {
        sessions.put(session.getId(), new Open(session, actor));
    }

    void closed(WebSocketSession session) {
        sessions.remove(session.getId());
    }

    /** Sockets open now; for health and tests. */
    public int open() {
        return sessions.size();
    }

    /** The text form of an event, as it travels between instances and to browsers. */
    public String text(LiveEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (IOException e) {
            throw new UncheckedIOException("a live event did not serialise", e);
        }
    }

    /**
     * Sends an event in its text form (from any instance) to every socket open here that may see it;
     * a socket that went away is dropped. A socket whose channel is not writable (a browser that
     * reads slower than events come) is closed with 1013 rather than buffered for without bound: its
     * page reconnects and reads its view again, which catches up what it missed.
     */
    public void deliver(String text) {
        if (sessions.isEmpty()) {
            return;
        }
        LiveEvent event;
        try {
            event = json.readValue(text, Argument.of(LiveEvent.class));
        } catch (IOException e) {
            throw new UncheckedIOException("a live event did not parse", e);
        }
        sessions.values().forEach(open -> {
            if (!open.session().isOpen()) {
                sessions.remove(open.session().getId());
            } else if (open.actor().isSuperAdmin() || open.actor().organizationId()
                    .filter(org -> org.toString().equals(event.organizationId())).isPresent()) {
                if (open.session().isWritable()) {
                    open.session().sendAsync(text);
                } else {
                    sessions.remove(open.session().getId());
                    open.session().close(CloseReason.TRY_AGAIN_LATER);
                }
            }
        });
    }
}
