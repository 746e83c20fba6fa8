package dev.warden.adapters.web.api;

import dev.warden.adapters.web.security.Actors;
import dev.warden.application.port.in.AddCampaignRecipientsCommand;
import dev.warden.application.port.in.AddCampaignRecipientsCommand.CampaignRecipient;
import dev.warden.application.port.in.AddCampaignRecipientsUseCase;
import dev.warden.application.port.in.AddCampaignRecipientsUseCase.RecipientsAdded;
import dev.warden.domain.campaign.CampaignId;
import dev.warden.domain.sending.Recipient;
import dev.warden.domain.sending.SendProvider;
import dev.warden.domain.shared.InvalidValue;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Web adapter: a campaign's recipients, each with its values, become sends that go while the campaign runs
 * (docs/api-sending.md). Every fault of the body is answered at once with its path; nothing is queued then.
 */
@Controller("/api/v1/campaigns")
@Secured({"SUPER_ADMIN", "ORG_ADMIN"})
@ExecuteOn(TaskExecutors.BLOCKING)
class CampaignRecipientsController {

    /** More values than any template has variables: refused whole, not walked value by value. */
    static final int MAX_PARAMS = 100;

    private final AddCampaignRecipientsUseCase addRecipients;

    CampaignRecipientsController(AddCampaignRecipientsUseCase addRecipients) {
        this.addRecipients = addRecipients;
    }

    @Serdeable
    record RecipientsResponse(int added, int alreadyPresent) {
    }

    /** The body's shape, for the API document only: it is read as a map, so every fault is named with its path. */
    @Serdeable
    record RecipientsBody(@Schema(allowableValues = {"META", "MYOPERATOR"}) String provider, String phoneNumberId,
                          List<RecipientBody> recipients) {
    }

    /** {@code params}: the values by variable name, or positional values in order. */
    @Serdeable
    record RecipientBody(String to, Object params) {
    }

    /** Body {@code {"provider"?, "phoneNumberId"?, "recipients": [{"to", "params": {name: value} | [values]}]}}. */
    @Post("/{id}/recipients")
    @Operation(operationId = "addCampaignRecipients", requestBody = @RequestBody(
            content = @Content(schema = @Schema(implementation = RecipientsBody.class))))
    RecipientsResponse add(@PathVariable String id, @Body Map<String, Object> body,
                           @Nullable @QueryValue String organizationId, Authentication authentication) {
        CampaignId campaign = CampaignId.parse(id);
        JsonFields json = new JsonFields();
        Optional<SendProvider> provider = json.parse(json.text(body, "provider", "provider"), "provider",
                CampaignRecipientsController::provider);
        Optional<String> phoneNumberId = json.text(body, "phoneNumberId", "phoneNumberId");
        List<CampaignRecipient> recipients = recipients(json, body);
        json.requireValid();
        RecipientsAdded added = addRecipients.addRecipients(Actors.of(authentication), new AddCampaignRecipientsCommand(
                QueryValues.organization(organizationId), campaign, provider, phoneNumberId, recipients));
        return new RecipientsResponse(added.added(), added.alreadyPresent());
    }

    private static SendProvider provider(String text) {
        return Arrays.stream(SendProvider.values()).filter(p -> p.name().equals(text)).findFirst()
                .orElseThrow(() -> new InvalidValue("provider must be one of "
                        + Arrays.toString(SendProvider.values()) + ", was '" + text + "'"));
    }

    private static List<CampaignRecipient> recipients(JsonFields json, Map<String, Object> body) {
        List<CampaignRecipient> recipients = new ArrayList<>();
        Optional<List<Object>> list = json.list(body.get("recipients"), "recipients");
        if (list.isEmpty()) {
            return recipients;
        }
        if (list.get().isEmpty() || list.get().size() > AddCampaignRecipientsCommand.MAX_RECIPIENTS) {
            json.error("recipients", "SIZE", "must hold 1 to " + AddCampaignRecipientsCommand.MAX_RECIPIENTS
                    + " recipients per call, held " + list.get().size());
            return recipients;
        }
        for (int i = 0; i < list.get().size(); i++) {
            String path = "recipients[" + i + "]";
            Optional<Map<String, Object>> entry = json.object(list.get().get(i), path);
            if (entry.isEmpty()) {
                continue;
            }
            Optional<Recipient> to = json.parse(json.requiredText(entry.get(), "to", path + ".to"), path + ".to",
                    Recipient::parse);
            Map<String, String> params = params(json, entry.get().get("params"), path + ".params");
            to.ifPresent(recipient -> recipients.add(new CampaignRecipient(recipient, params)));
        }
        return recipients;
    }

    /** By name ({@code {"first_name": "Ana"}}), or positional values in order ({@code ["Ana", "42"]} is 1 and 2). */
    private static Map<String, String> params(JsonFields json, Object value, String path) {
        Map<String, String> params = new LinkedHashMap<>();
        if (value == null) {
            return params;
        }
        if (value instanceof List<?> values) {
            if (values.size() > MAX_PARAMS) {
                json.error(path, "SIZE", "must hold at most " + MAX_PARAMS + " values, held " + values.size());
                return params;
            }
            for (int i = 0; i < values.size(); i++) {
                Object item = values.get(i);
                String name = String.valueOf(i + 1);
                if (item instanceof String text) {
                    json.text(Map.of("v", text), "v", path + "[" + i + "]").ifPresent(t -> params.put(name, t));
                } else {
                    json.error(path + "[" + i + "]", "WRONG_TYPE", "must be text, was " + JsonFields.describe(item));
                }
            }
            return params;
        }
        if (value instanceof Map<?, ?> named && named.size() > MAX_PARAMS) {
            json.error(path, "SIZE", "must hold at most " + MAX_PARAMS + " values, held " + named.size());
            return params;
        }
        return json.texts(Map.of("params", value), "params", path);
    }
}
