package dev.warden.application.service;

import dev.warden.application.port.out.TranslatedChange;
import dev.warden.domain.organization.WabaId;
import dev.warden.domain.sending.MarketingPreference;
import dev.warden.domain.sending.SendBlockRepository;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.window.ConversationKey;
import dev.warden.domain.window.CustomerServiceWindowRepository;

/**
 * What webhooks say about the conversations with customers: a {@code messages} change opens,
 * refreshes and closes customer-service windows; a {@code user_preferences} change puts a contact on
 * the WABA's marketing opt-out list (stop) or takes it off (resume). Each event is one atomic write:
 * two workers with events of one customer cannot lose either.
 */
public final class ConversationWindows {

    private final CustomerServiceWindowRepository windows;
    private final SendBlockRepository blocks;

    public ConversationWindows(CustomerServiceWindowRepository windows, SendBlockRepository blocks) {
        this.windows = windows;
        this.blocks = blocks;
    }

    /** A {@code messages} or {@code user_preferences} change of the WABA; returns what it did. */
    String apply(OrganizationId organization, WabaId wabaId, TranslatedChange meaning) {
        if (meaning instanceof TranslatedChange.PreferenceUpdate update) {
            return preferences(organization, wabaId, update);
        }
        return conversation(organization, (TranslatedChange.ConversationUpdate) meaning);
    }

    private String preferences(OrganizationId organization, WabaId wabaId, TranslatedChange.PreferenceUpdate update) {
        int stops = 0;
        int stale = 0;
        for (TranslatedChange.MarketingPreference p : update.preferences()) {
            MarketingPreference.State state = p.stopped() ? MarketingPreference.State.OPTED_OUT
                    : MarketingPreference.State.RESUMED;
            stops += p.stopped() ? 1 : 0;
            if (!blocks.prefer(new MarketingPreference(organization, wabaId, p.contact(), state, p.at(),
                    "user_preferences: " + (p.stopped() ? "stop" : "resume")))) {
                stale++;
            }
        }
        return stops + " marketing opt-outs, " + (update.preferences().size() - stops) + " resumes, " + stale
                + " older than what was known";
    }

    private String conversation(OrganizationId organization, TranslatedChange.ConversationUpdate update) {
        for (TranslatedChange.CustomerEvent inbound : update.inbound()) {
            ConversationKey key = new ConversationKey(organization, update.phoneNumberId(), inbound.customerWaId());
            windows.recordInbound(key, inbound.at());
        }
        for (TranslatedChange.CustomerEvent failure : update.reEngagementFailures()) {
            ConversationKey key = new ConversationKey(organization, update.phoneNumberId(), failure.customerWaId());
            windows.recordReEngagementFailure(key, failure.at());
        }
        return update.inbound().size() + " inbound, " + update.reEngagementFailures().size() + " re-engagement failures";
    }
}
