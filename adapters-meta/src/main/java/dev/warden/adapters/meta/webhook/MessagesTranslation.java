package dev.warden.adapters.meta.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.application.port.out.MalformedPayload;
import dev.warden.application.port.out.TranslatedChange.ContactLink;
import dev.warden.application.port.out.TranslatedChange.CustomerEvent;
import dev.warden.application.port.out.TranslatedChange;
import dev.warden.domain.sending.DeliveryReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code messages} field: a customer's message opens or refreshes their customer-service
 * window; a send Meta failed with 131047 (more than 24 hours since the customer wrote) closes it;
 * every status of a sent message is a {@link StatusesTranslation delivery report}; a phone number
 * ({@code wa_id}, {@code from}, {@code recipient_id}) shown with a business-scoped user id
 * ({@code user_id}, {@code from_user_id}, {@code recipient_user_id}, meta-platform.md §12) links the two.
 * A customer Meta names only by the user id writes under that id.
 */
final class MessagesTranslation {

    static final int RE_ENGAGEMENT_ERROR = 131047;
    private static final String PHONE = "[0-9]{1,32}";
    /** A business-scoped user id: country code, a dot, digits (as Recipient parses one). */
    private static final String USER_ID = "[A-Z]{2}\\.[0-9]{1,64}";

    private MessagesTranslation() {
    }

    static TranslatedChange translate(JsonNode value) {
        String phoneNumberId = MetaJson.text(value.path("metadata").get("phone_number_id"));
        if (phoneNumberId == null || !phoneNumberId.matches("[0-9]{1,32}")) {
            throw new MalformedPayload("messages change has no metadata.phone_number_id of 1 to 32 digits");
        }
        List<CustomerEvent> inbound = new ArrayList<>();
        Set<ContactLink> links = new LinkedHashSet<>();
        for (JsonNode contact : value.path("contacts")) {
            link(contact.get("wa_id"), contact.get("user_id")).ifPresent(links::add);
        }
        for (JsonNode message : value.path("messages")) {
            customerEvent(message.get("from"), message.get("timestamp"))
                    .or(() -> userEvent(message.get("from_user_id"), message.get("timestamp")))
                    .ifPresent(inbound::add);
            link(message.get("from"), message.get("from_user_id")).ifPresent(links::add);
        }
        List<CustomerEvent> failures = new ArrayList<>();
        List<DeliveryReport> deliveries = new ArrayList<>();
        for (JsonNode status : value.path("statuses")) {
            if ("failed".equalsIgnoreCase(MetaJson.text(status.get("status"))) && hasReEngagementError(status)) {
                customerEvent(status.get("recipient_id"), status.get("timestamp")).ifPresent(failures::add);
            }
            StatusesTranslation.report(status).ifPresent(deliveries::add);
            link(status.get("recipient_id"), status.get("recipient_user_id")).ifPresent(links::add);
        }
        if (inbound.isEmpty() && failures.isEmpty() && links.isEmpty() && deliveries.isEmpty()) {
            return new TranslatedChange.Ignored("messages change without inbound messages, statuses or contacts");
        }
        return new TranslatedChange.ConversationUpdate(phoneNumberId, inbound, failures, List.copyOf(links),
                deliveries);
    }

    private static boolean hasReEngagementError(JsonNode status) {
        for (JsonNode error : status.path("errors")) {
            if (String.valueOf(RE_ENGAGEMENT_ERROR).equals(MetaJson.text(error.get("code")))) {
                return true;
            }
        }
        return false;
    }

    private static Optional<ContactLink> link(JsonNode phone, JsonNode userId) {
        String digits = MetaJson.text(phone);
        String user = MetaJson.text(userId);
        return digits != null && digits.matches(PHONE) && user != null && user.matches(USER_ID)
                ? Optional.of(new ContactLink(digits, user)) : Optional.empty();
    }

    private static Optional<CustomerEvent> userEvent(JsonNode userId, JsonNode timestamp) {
        String user = MetaJson.text(userId);
        Instant at = MetaJson.epoch(timestamp);
        return user != null && user.matches(USER_ID) && at != null ? Optional.of(new CustomerEvent(user, at))
                : Optional.empty();
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
