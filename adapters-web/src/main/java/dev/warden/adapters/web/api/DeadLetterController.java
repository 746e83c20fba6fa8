package dev.warden.adapters.web.api;

import dev.warden.adapters.web.security.Actors;
import dev.warden.application.port.in.ListDeadLettersUseCase;
import dev.warden.application.port.in.ReplayDeadLetterUseCase;
import dev.warden.application.port.out.DeadLetter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;

/** Web adapter: webhook changes that failed for good, and replaying them (super admins only). */
@Controller("/api/v1/webhooks/dead-letters")
@Secured("SUPER_ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
class DeadLetterController {

    private final ListDeadLettersUseCase listDeadLetters;
    private final ReplayDeadLetterUseCase replayDeadLetter;

    DeadLetterController(ListDeadLettersUseCase listDeadLetters, ReplayDeadLetterUseCase replayDeadLetter) {
        this.listDeadLetters = listDeadLetters;
        this.replayDeadLetter = replayDeadLetter;
    }

    /** A dead change: where it came from, what it said, why it failed. */
    @Serdeable
    record DeadLetterResponse(long id, long deliveryId, String wabaId, String field, Instant entryTime, String value,
                              int attempts, String lastError, Instant receivedAt) {

        static DeadLetterResponse from(DeadLetter d) {
            return new DeadLetterResponse(d.id(), d.deliveryId(), d.wabaId(), d.field(), d.entryTime(), d.value(),
                    d.attempts(), d.lastError(), d.receivedAt());
        }
    }

    @Get
    @Operation(operationId = "listDeadLetters")
    PageResponse<DeadLetterResponse> list(@Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size,
                                          Authentication authentication) {
        return PageResponse.of(listDeadLetters.listDeadLetters(Actors.of(authentication), QueryValues.page(page, size)),
                DeadLetterResponse::from);
    }

    @Post("/{id}/replay")
    @Operation(operationId = "replayDeadLetter")
    HttpResponse<Void> replay(@PathVariable long id, Authentication authentication) {
        replayDeadLetter.replay(Actors.of(authentication), id);
        return HttpResponse.accepted();
    }
}
