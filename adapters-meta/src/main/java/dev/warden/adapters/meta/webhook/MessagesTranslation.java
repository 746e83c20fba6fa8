package dev.warden.adapters.meta.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.application.port.out.MalformedPayload;
import dev.warden.application.port.out.TranslatedChange;
import dev.warden.application.port.out.TranslatedChange.CustomerEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code messages} field: a customer's message opens or refreshes their customer-service
 * window; a send Meta failed with 131047 (more than 24 hours since the customer wrote) closes it.
 */
final class MessagesTranslation {

    static final int RE_ENGAGEMENT_ERROR = 131047;

    private MessagesTranslation() {
    }

    static TranslatedChange translate(JsonNode value) {
        String phoneNumberId = MetaJson.text(value.path("metadata").get("phone_number_id"));
        if (phoneNumberId == null || !phoneNumberId.matches("[0-9]{1,32}")) {
            throw new MalformedPayload("messages change has no metadata.phone_number_id of 1 to 32 digits");
        }
        List<CustomerEvent> inbound = new ArrayList<>();
        for (JsonNode message : value.path("messages")) {
            customerEvent(message.get("from"), message.get("timestamp")).ifPresent(inbound::add);
        }
        List<CustomerEvent> failures = new ArrayList<>();
        for (JsonNode status : value.path("statuses")) {
            if ("failed".equalsIgnoreCase(MetaJson.text(status.get("status"))) && hasReEngagementError(status)) {
                customerEvent(status.get("recipient_id"), status.get("timestamp")).ifPresent(failures::add);
            }
        }
        if (inbound.isEmpty() && failures.isEmpty()) {
            return new TranslatedChange.Ignored("messages change without inbound messages or re-engagement failures");
        }
        return new TranslatedChange.ConversationUpdate(phoneNumberId, inbound, failures);
    }

    private static boolean hasReEngagementError(JsonNode status) {
        for (JsonNode error : status.path("errors")) {
            if (String.valueOf(RE_ENGAGEMENT_ERROR).equals(MetaJson.text(error.get("code")))) {
                return true;
            }
        }
        return false;
    }

    private static java.util.Optional<CustomerEvent> customerEvent(JsonNode customer, JsonNode timestamp) {
        String waId = MetaJson.text(customer);
        Instant at = MetaJson.epoch(timestamp);
        if (waId == null || !waId.matches("[0-9]{1,32}") || at == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new CustomerEvent(waId, at));
    }
}
