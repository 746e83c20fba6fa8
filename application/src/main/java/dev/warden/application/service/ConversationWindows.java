package dev.warden.application.service;

import dev.warden.application.port.out.TranslatedChange;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.window.ConversationKey;
import dev.warden.domain.window.CustomerServiceWindowRepository;

/**
 * Opens, refreshes and closes customer-service windows from a {@code messages} change. Each event
 * is one atomic write: two workers with events of one customer cannot lose either.
 */
public final class ConversationWindows {

    private final CustomerServiceWindowRepository windows;

    public ConversationWindows(CustomerServiceWindowRepository windows) {
        this.windows = windows;
    }

    String apply(OrganizationId organization, TranslatedChange.ConversationUpdate update) {
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
