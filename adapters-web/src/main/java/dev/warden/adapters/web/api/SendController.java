package dev.warden.adapters.web.api;

import dev.warden.adapters.web.security.Actors;
import dev.warden.application.port.in.SendAccepted;
import dev.warden.application.port.in.SendEventCommand;
import dev.warden.application.port.in.SendEventUseCase;
import dev.warden.application.port.in.SendTextCommand;
import dev.warden.application.port.in.SendTextUseCase;
import dev.warden.domain.organization.WabaId;
import dev.warden.domain.sending.EventMapping;
import dev.warden.domain.sending.EventType;
import dev.warden.domain.sending.Recipient;
import dev.warden.domain.template.LanguageCode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Web adapter: messages to customers. A business event becomes a template send (202 with the
 * notification's id, or 200 with the same id when its idempotency key was seen before); a free-form
 * text is queued only inside the 24-hour customer-service window (409 outside it). ORG_ADMINs of the
 * organisation call both (docs/api-sending.md); what happened is at GET /api/v1/notifications/{id}.
 */
@Controller
@Secured({"SUPER_ADMIN", "ORG_ADMIN"})
@ExecuteOn(TaskExecutors.BLOCKING)
class SendController {

    private final SendEventUseCase sendEvent;
    private final SendTextUseCase sendText;

    SendController(SendEventUseCase sendEvent, SendTextUseCase sendText) {
        this.sendEvent = sendEvent;
        this.sendText = sendText;
    }

    @Serdeable
    record SendResponse(UUID id, String status) {
    }

    /** Body {@code {"type", "idempotencyKey", "to", "params": {name: value}, "language"?}}. */
    @Post("/api/v1/notifications/events")
    @Operation(operationId = "sendEvent")
    HttpResponse<SendResponse> event(@Body Map<String, Object> body, @Nullable @QueryValue String organizationId,
                                     Authentication authentication) {
        JsonFields json = new JsonFields();
        Optional<EventType> type = json.parse(json.requiredText(body, "type", "type"), "type", EventType::new);
        Optional<String> key = json.requiredText(body, "idempotencyKey", "idempotencyKey");
        key.filter(k -> k.length() > SendEventCommand.MAX_KEY_LENGTH).ifPresent(k -> json.error("idempotencyKey",
                "TOO_LONG", "must be at most " + SendEventCommand.MAX_KEY_LENGTH + " characters"));
        Optional<Recipient> to = json.parse(json.requiredText(body, "to", "to"), "to", Recipient::parse);
        Map<String, String> params = json.texts(body, "params", "params");
        Optional<LanguageCode> language = json.parse(json.text(body, "language", "language"), "language",
                LanguageCode::new);
        json.requireValid();
        SendAccepted accepted = sendEvent.send(Actors.of(authentication), new SendEventCommand(
                QueryValues.organization(organizationId), type.orElseThrow(), key.orElseThrow(), to.orElseThrow(),
                params, language));
        return answer(accepted);
    }

    /** Body {@code {"wabaId", "phoneNumberId", "to", "text"}}. */
    @Post("/api/v1/messages/text")
    @Operation(operationId = "sendText")
    HttpResponse<SendResponse> text(@Body Map<String, Object> body, @Nullable @QueryValue String organizationId,
                                    Authentication authentication) {
        JsonFields json = new JsonFields();
        Optional<WabaId> waba = json.parse(json.requiredText(body, "wabaId", "wabaId"), "wabaId", WabaId::new);
        Optional<String> from = json.parse(json.requiredText(body, "phoneNumberId", "phoneNumberId"),
                "phoneNumberId", EventMapping::requirePhoneNumberId);
        Optional<Recipient> to = json.parse(json.requiredText(body, "to", "to"), "to", Recipient::parse);
        Optional<String> text = json.requiredText(body, "text", "text");
        text.filter(t -> t.length() > SendTextCommand.MAX_TEXT_LENGTH).ifPresent(t -> json.error("text", "TOO_LONG",
                "must be at most " + SendTextCommand.MAX_TEXT_LENGTH + " characters"));
        json.requireValid();
        return answer(sendText.send(Actors.of(authentication), new SendTextCommand(
                QueryValues.organization(organizationId), waba.orElseThrow(), from.orElseThrow(), to.orElseThrow(),
                text.orElseThrow())));
    }

    private static HttpResponse<SendResponse> answer(SendAccepted accepted) {
        SendResponse response = new SendResponse(accepted.id(), accepted.status().name());
        return accepted.created() ? HttpResponse.<SendResponse>accepted().body(response) : HttpResponse.ok(response);
    }
}
