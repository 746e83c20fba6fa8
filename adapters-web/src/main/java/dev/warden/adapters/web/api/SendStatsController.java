package dev.warden.adapters.web.api;

import dev.warden.adapters.web.problem.InvalidParameter;
import dev.warden.adapters.web.security.Actors;
import dev.warden.application.port.in.SendStatsUseCase;
import dev.warden.domain.sending.SendCount;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/** Web adapter: how an organisation's customer sends went, counted by day, template, provider and billed category. */
@Controller("/api/v1/notifications/stats")
@Secured({"SUPER_ADMIN", "ORG_ADMIN", "VIEWER"})
@ExecuteOn(TaskExecutors.BLOCKING)
class SendStatsController {

    private final SendStatsUseCase stats;

    SendStatsController(SendStatsUseCase stats) {
        this.stats = stats;
    }

    /** One day, template, provider and billed category; {@code template} and {@code category} null when none. */
    @Serdeable
    record GroupResponse(LocalDate day, @Nullable String template, String provider, @Nullable String category,
                         long queued, long retrying, long sent, long failed, long skipped, long delivered,
                         long read, long undelivered) {

        static GroupResponse from(SendCount c) {
            return new GroupResponse(c.day(), c.template().orElse(null), c.provider().name(),
                    c.billedCategory().orElse(null), c.queued(), c.retrying(), c.sent(), c.failed(), c.skipped(),
                    c.delivered(), c.read(), c.undelivered());
        }
    }

    @Serdeable
    record StatsResponse(LocalDate from, LocalDate to, List<GroupResponse> groups) {
    }

    @Get
    @Operation(operationId = "sendStats")
    StatsResponse stats(@Nullable @QueryValue String organizationId, @Nullable @QueryValue String from,
                        @Nullable @QueryValue String to, Authentication authentication) {
        SendStatsUseCase.SendStats s = stats.stats(Actors.of(authentication), QueryValues.organization(organizationId),
                date("from", from), date("to", to));
        return new StatsResponse(s.period().from(), s.period().to(),
                s.groups().stream().map(GroupResponse::from).toList());
    }

    private static Optional<LocalDate> date(String name, String text) {
        if (QueryValues.blank(text)) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text.strip()));
        } catch (DateTimeParseException e) {
            throw new InvalidParameter(name, name + " must be a date as YYYY-MM-DD, was '" + text + "'");
        }
    }
}
