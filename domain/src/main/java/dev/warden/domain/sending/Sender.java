package dev.warden.domain.sending;

import dev.warden.domain.shared.InvalidValue;
import java.util.Objects;
import java.util.Optional;

/**
 * Whom a campaign's messages go from. Meta's Cloud API sends from a business phone number, so a META
 * sender names one (checked with Meta to be of the template's WABA before it is used); MyOperator sends
 * from the number the deployment's one MyOperator account is set up with, so a MYOPERATOR sender names
 * none. The same rule as an {@link EventMapping}'s provider and number.
 */
public record Sender(SendProvider provider, Optional<String> phoneNumberId) {

    public Sender {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(phoneNumberId, "phoneNumberId");
        phoneNumberId.ifPresent(EventMapping::requirePhoneNumberId);
        if (provider == SendProvider.META && phoneNumberId.isEmpty()) {
            throw new InvalidValue("phoneNumberId is required for provider META: Meta sends from a business phone"
                    + " number");
        }
        if (provider == SendProvider.MYOPERATOR && phoneNumberId.isPresent()) {
            throw new InvalidValue("phoneNumberId is not accepted for provider MYOPERATOR: it sends from the number"
                    + " the deployment's MyOperator account is configured with");
        }
    }

    @Override
    public String toString() {
        return provider + phoneNumberId.map(number -> " " + number).orElse("");
    }
}
