package dev.warden.application.port.out;

import dev.warden.domain.governance.TemplateMention;
import dev.warden.domain.sending.DeliveryReport;
import dev.warden.domain.template.ReportedChange;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** What one webhook change means for Warden, in Warden's vocabulary. */
public sealed interface TranslatedChange {

    /** A change to one template: status, quality, category or content. */
    record TemplateUpdate(TemplateMention template, ReportedChange change) implements TranslatedChange {

        public TemplateUpdate {
            Objects.requireNonNull(template, "template");
            Objects.requireNonNull(change, "change");
        }
    }

    /**
     * A {@code messages} change of a business phone number: customers who wrote (their windows
     * open), free-form sends Meta failed with 131047 (their windows close), a phone number and a
     * business-scoped user id shown together for one customer (linked), and the status reports of
     * sent messages (delivered, read, failed, with their pricing).
     *
     * @param inbound a customer's phone digits, or their business-scoped user id when Meta gave no number
     */
    record ConversationUpdate(String phoneNumberId, List<CustomerEvent> inbound, List<CustomerEvent> reEngagementFailures,
                              List<ContactLink> links, List<DeliveryReport> deliveries)
            implements TranslatedChange {

        public ConversationUpdate {
            inbound = List.copyOf(inbound);
            reEngagementFailures = List.copyOf(reEngagementFailures);
            links = List.copyOf(links);
            deliveries = List.copyOf(deliveries);
        }

        public ConversationUpdate(String phoneNumberId, List<CustomerEvent> inbound,
                                  List<CustomerEvent> reEngagementFailures) {
            this(phoneNumberId, inbound, reEngagementFailures, List.of(), List.of());
        }
    }

    /** A phone number's digits and a business-scoped user id that one webhook showed for one customer. */
    record ContactLink(String phone, String userId) {
        public ContactLink {
            Objects.requireNonNull(phone, "phone");
            Objects.requireNonNull(userId, "userId");
        }
    }

    /** A {@code user_preferences} change: users who stopped or resumed marketing messages from the WABA. */
    record PreferenceUpdate(List<MarketingPreference> preferences) implements TranslatedChange {

        public PreferenceUpdate {
            preferences = List.copyOf(preferences);
        }
    }

    /**
     * @param contact a phone number's digits or a business-scoped user id
     * @param stopped true for a stop, false for a resume
     */
    record MarketingPreference(String contact, boolean stopped, Instant at) {
        public MarketingPreference {
            Objects.requireNonNull(contact, "contact");
            Objects.requireNonNull(at, "at");
        }
    }

    /** A customer and when something happened in their conversation. */
    record CustomerEvent(String customerWaId, Instant at) {
    }

    /** Stored, but nothing for Warden to do (a field or object Warden does not handle). */
    record Ignored(String reason) implements TranslatedChange {
    }
}
