package dev.warden.adapters.web.api;

import dev.warden.adapters.web.problem.InvalidParameter;
import dev.warden.adapters.web.security.Actors;
import dev.warden.application.port.in.ListAuditLogUseCase;
import dev.warden.domain.audit.AuditFilter;
import dev.warden.domain.audit.AuditResource;
import dev.warden.domain.user.Username;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Web adapter: the audit log. {@code resource} is a kind ({@code CAMPAIGN}) or a kind and an id
 * ({@code CAMPAIGN:3f2c…}); {@code from} (inclusive) and {@code to} (exclusive) are instants or dates (UTC).
 */
@Controller("/api/v1/audit-log")
@Secured({"SUPER_ADMIN", "ORG_ADMIN"})
@ExecuteOn(TaskExecutors.BLOCKING)
class AuditLogController {

    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("+10000-01-01T00:00:00Z");

    private final ListAuditLogUseCase listAuditLog;

    AuditLogController(ListAuditLogUseCase listAuditLog) {
        this.listAuditLog = listAuditLog;
    }

    @Get
    @Operation(operationId = "listAuditLog")
    PageResponse<AuditEntryResponse> list(@Nullable @QueryValue String organizationId,
                                          @Nullable @QueryValue String actor, @Nullable @QueryValue String resource,
                                          @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                                          @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size,
                                          Authentication authentication) {
        Optional<AuditResource> named = QueryValues.text("resource", resource, 140).filter(r -> r.contains(":"))
                .map(AuditLogController::resource);
        Optional<AuditResource.Kind> kind = named.map(AuditResource::kind)
                .or(() -> QueryValues.oneOf("resource", resource, AuditResource.Kind.class));
        AuditFilter filter = new AuditFilter(QueryValues.organization(organizationId),
                QueryValues.text("actor", actor, 64).map(a -> new Username(a).value()), kind,
                named.map(AuditResource::id), instant("from", from), instant("to", to));
        return PageResponse.of(listAuditLog.listAuditLog(Actors.of(authentication), filter,
                QueryValues.page(page, size)), AuditEntryResponse::from);
    }

    private static AuditResource resource(String text) {
        int colon = text.indexOf(':');
        return new AuditResource(QueryValues.oneOf("resource", text.substring(0, colon), AuditResource.Kind.class)
                .orElseThrow(() -> new InvalidParameter("resource", "resource must be KIND or KIND:id, was '"
                        + text + "'")),
                text.substring(colon + 1).strip());
    }

    private static Optional<Instant> instant(String name, String text) {
        if (QueryValues.blank(text)) {
            return Optional.empty();
        }
        String value = text.strip();
        String rule = name + " must be an instant (2026-12-01T09:30:00Z) or a date (2026-12-01) of the years 1 to 9999";
        Instant instant;
        try {
            instant = value.length() == 10
                    ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidParameter(name, rule);
        }
        // PostgreSQL's timestamptz has no year 0 and ends in 294276: a time outside is the caller's mistake.
        if (instant.isBefore(EARLIEST) || !instant.isBefore(LATEST)) {
            throw new InvalidParameter(name, rule);
        }
        return Optional.of(instant);
    }
}
