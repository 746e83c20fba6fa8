package dev.warden.adapters.web.api;

import dev.warden.adapters.web.problem.InvalidParameter;
import dev.warden.adapters.web.security.Actors;
import dev.warden.application.port.in.DeleteEventMappingUseCase;
import dev.warden.application.port.in.EventMappingsUseCase;
import dev.warden.application.port.in.SaveEventMappingCommand;
import dev.warden.application.port.in.SaveEventMappingUseCase;
import dev.warden.domain.sending.EventMapping;
import dev.warden.domain.sending.EventType;
import dev.warden.domain.sending.SendProvider;
import dev.warden.domain.shared.InvalidValue;
import dev.warden.domain.template.TemplateId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Web adapter: which template an organisation sends for each business event. ORG_ADMINs write (a
 * POST creates or replaces the event type's mapping), everyone in the organisation reads.
 */
@Controller("/api/v1/notifications/mappings")
@Secured({"SUPER_ADMIN", "ORG_ADMIN", "VIEWER"})
@ExecuteOn(TaskExecutors.BLOCKING)
class EventMappingController {

    private final EventMappingsUseCase mappings;
    private final SaveEventMappingUseCase save;
    private final DeleteEventMappingUseCase delete;

    EventMappingController(EventMappingsUseCase mappings, SaveEventMappingUseCase save,
                           DeleteEventMappingUseCase delete) {
        this.mappings = mappings;
        this.save = save;
        this.delete = delete;
    }

    @Serdeable
    record MappingResponse(String eventType, String templateId, String provider, @Nullable String phoneNumberId,
                           @Nullable String fallbackTemplateId, Instant updatedAt) {

        static MappingResponse from(EventMapping m) {
            return new MappingResponse(m.eventType().value(), m.templateId().toString(), m.provider().name(),
                    m.phoneNumberId().orElse(null), m.fallbackTemplateId().map(TemplateId::toString).orElse(null),
                    m.updatedAt());
        }
    }

    /** In a wrapper so the answer can grow fields without breaking clients. */
    @Serdeable
    record MappingsResponse(List<MappingResponse> items) {
    }

    @Get
    @Operation(operationId = "listEventMappings")
    MappingsResponse list(@Nullable @QueryValue String organizationId, Authentication authentication) {
        return new MappingsResponse(mappings.mappings(Actors.of(authentication),
                QueryValues.organization(organizationId)).stream().map(MappingResponse::from).toList());
    }

    @Get("/{eventType}")
    @Operation(operationId = "getEventMapping")
    MappingResponse get(@PathVariable String eventType, @Nullable @QueryValue String organizationId,
                        Authentication authentication) {
        return MappingResponse.from(mappings.mapping(Actors.of(authentication),
                QueryValues.organization(organizationId), eventType(eventType)));
    }

    /**
     * Body {@code {"eventType", "templateId", "provider": "MYOPERATOR"|"META", "phoneNumberId"?,
     * "fallbackTemplateId"?}}.
     */
    @Post
    @Secured({"SUPER_ADMIN", "ORG_ADMIN"})
    @Operation(operationId = "saveEventMapping")
    MappingResponse save(@Body Map<String, Object> body, @Nullable @QueryValue String organizationId,
                         Authentication authentication) {
        JsonFields json = new JsonFields();
        Optional<EventType> type = json.parse(json.requiredText(body, "eventType", "eventType"), "eventType",
                EventType::new);
        Optional<TemplateId> template = json.parse(json.requiredText(body, "templateId", "templateId"), "templateId",
                TemplateId::parse);
        Optional<SendProvider> provider = json.parse(json.requiredText(body, "provider", "provider"), "provider",
                EventMappingController::provider);
        Optional<String> number = json.parse(json.text(body, "phoneNumberId", "phoneNumberId"), "phoneNumberId",
                EventMapping::requirePhoneNumberId);
        Optional<TemplateId> fallback = json.parse(json.text(body, "fallbackTemplateId", "fallbackTemplateId"),
                "fallbackTemplateId", TemplateId::parse);
        json.requireValid();
        return MappingResponse.from(save.save(Actors.of(authentication), new SaveEventMappingCommand(
                QueryValues.organization(organizationId), type.orElseThrow(), template.orElseThrow(),
                provider.orElseThrow(), number, fallback)));
    }

    @Delete("/{eventType}")
    @Secured({"SUPER_ADMIN", "ORG_ADMIN"})
    @Operation(operationId = "deleteEventMapping")
    HttpResponse<Void> delete(@PathVariable String eventType, @Nullable @QueryValue String organizationId,
                              Authentication authentication) {
        delete.delete(Actors.of(authentication), QueryValues.organization(organizationId), eventType(eventType));
        return HttpResponse.noContent();
    }

    private static EventType eventType(String text) {
        try {
            return new EventType(text);
        } catch (InvalidValue refused) {
            throw new InvalidParameter("eventType", refused);
        }
    }

    private static SendProvider provider(String text) {
        try {
            return SendProvider.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidValue("provider must be MYOPERATOR or META, was '" + text + "'");
        }
    }
}
