package dev.warden.application.port.in;

import dev.warden.domain.campaign.CampaignId;
import dev.warden.domain.sending.Recipient;
import dev.warden.domain.sending.SendProvider;
import dev.warden.domain.sending.Sender;
import dev.warden.domain.shared.InvalidValue;
import dev.warden.domain.shared.OrganizationId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Recipients for a campaign, each with the values of the template's body variables.
 *
 * @param provider      whom the campaign sends through: required on its first recipients, optional (but then
 *                      the same) afterwards
 * @param phoneNumberId with provider META, the business number it sends from
 */
public record AddCampaignRecipientsCommand(Optional<OrganizationId> organizationId, CampaignId campaignId,
                                           Optional<SendProvider> provider, Optional<String> phoneNumberId,
                                           List<CampaignRecipient> recipients) {

    /** At most this many recipients per call: one transaction, one insert, a bounded body. */
    public static final int MAX_RECIPIENTS = 1000;

    /** One recipient and the values by variable name ("1", "2", ... for positional templates). */
    public record CampaignRecipient(Recipient to, Map<String, String> params) {
        public CampaignRecipient {
            Objects.requireNonNull(to, "to");
            params = Map.copyOf(params);
        }
    }

    public AddCampaignRecipientsCommand {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(phoneNumberId, "phoneNumberId");
        recipients = List.copyOf(recipients);
        if (recipients.isEmpty() || recipients.size() > MAX_RECIPIENTS) {
            throw new InvalidValue("recipients: 1 to " + MAX_RECIPIENTS + " per call, was " + recipients.size());
        }
    }

    /**
     * The sender named, checked by the domain's rule; read by the use case once the campaign is found, so
     * that another organisation's campaign is a 404 whatever the body says.
     *
     * @throws InvalidValue a phoneNumberId without a provider, or one the provider does not take
     */
    public Optional<Sender> sender() {
        if (provider.isEmpty() && phoneNumberId.isPresent()) {
            throw new InvalidValue("phoneNumberId is given only with a provider");
        }
        return provider.map(p -> new Sender(p, phoneNumberId));
    }
}
