package dev.warden.adapters.web.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.application.port.in.Actor;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.user.Role;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.websocket.CloseReason;
import io.micronaut.websocket.WebSocketSession;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class LiveSessionsTest {

    private final LiveSessions sessions = new LiveSessions(ObjectMapper.getDefault());
    private final OrganizationId org = OrganizationId.parse(UUID.randomUUID().toString());

    /** A socket as far as LiveSessions sees one: what it was sent, how it was closed. */
    private static final class Socket {
        final String id = UUID.randomUUID().toString();
        final boolean writable;
        final List<Object> sent = new ArrayList<>();
        final List<CloseReason> closed = new ArrayList<>();
        final WebSocketSession session;

        Socket(boolean writable) {
            this.writable = writable;
            this.session = (WebSocketSession) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {WebSocketSession.class}, (proxy, method, args) -> switch (method.getName()) {
                        case "getId" -> id;
                        case "isOpen" -> closed.isEmpty();
                        case "isWritable" -> this.writable;
                        case "sendAsync" -> {
                            sent.add(args[0]);
                            yield CompletableFuture.completedFuture(args[0]);
                        }
                        case "close" -> closed.add(args == null ? CloseReason.NORMAL : (CloseReason) args[0]);
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }
    }

    @Test
    void a_socket_that_cannot_take_more_is_closed_instead_of_buffered_and_the_others_still_get_the_event() {
        Socket reading = new Socket(true);
        Socket behind = new Socket(false);
        Socket elsewhere = new Socket(true);
        Actor admin = new Actor("org_admin_1", Role.ORG_ADMIN, Optional.of(org));
        sessions.opened(reading.session, admin);
        sessions.opened(behind.session, admin);
        sessions.opened(elsewhere.session, new Actor("other_admin", Role.ORG_ADMIN,
                Optional.of(OrganizationId.parse(UUID.randomUUID().toString()))));

        String text = sessions.text(new LiveEvent("template", "StatusChanged", org.toString(),
                UUID.randomUUID().toString(), Instant.parse("2026-01-01T00:00:00Z"), Map.of("to", "PAUSED")));
        sessions.deliver(text);

        assertThat(reading.sent).containsExactly(text);
        assertThat(behind.sent).isEmpty();
        assertThat(behind.closed).containsExactly(CloseReason.TRY_AGAIN_LATER);
        assertThat(elsewhere.sent).isEmpty();
        assertThat(sessions.open()).isEqualTo(2);
    }
}
