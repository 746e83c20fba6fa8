package dev.warden.adapters.web.live;

import dev.warden.adapters.web.security.Actors;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.Instant;

/**
 * Web adapter: a ticket for the live events socket ({@code /ws/events?ticket=...}), valid 30 seconds.
 * Any signed-in caller may have one (viewers watch too); it changes nothing, so it is a computation,
 * not a write, for the security walk.
 */
@Controller("/api/v1/ws-tickets")
// Off the event loop: EventTickets reads its key in a database transaction when it is made (at server
// start, normally; this covers a request that comes first).
@ExecuteOn(TaskExecutors.BLOCKING)
class WsTicketController {

    private final EventTickets tickets;
    private final Clock clock;

    WsTicketController(EventTickets tickets, Clock clock) {
        this.tickets = tickets;
        this.clock = clock;
    }

    /** A ticket and when it stops opening sockets (a socket already open stays open). */
    @Serdeable
    record WsTicketResponse(String ticket, Instant expiresAt) {
    }

    @Post
    @Secured({"SUPER_ADMIN", "ORG_ADMIN", "VIEWER"})
    @Operation(operationId = "issueWebSocketTicket")
    HttpResponse<WsTicketResponse> issue(Authentication authentication) {
        EventTickets.Ticket ticket = tickets.issue(Actors.of(authentication), clock.instant());
        return HttpResponse.ok(new WsTicketResponse(ticket.value(), ticket.expiresAt()))
                .header("Cache-Control", "no-store");
    }
}
