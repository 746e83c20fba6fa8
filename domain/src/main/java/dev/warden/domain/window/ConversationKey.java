package dev.warden.domain.window;

import dev.warden.domain.shared.InvalidValue;
import dev.warden.domain.shared.OrganizationId;
import java.util.Objects;

/** A business phone number and a customer, within one organisation. */
public record ConversationKey(OrganizationId organizationId, String phoneNumberId, String customerWaId) {

    public ConversationKey {
        Objects.requireNonNull(organizationId, "organizationId");
        requireDigits("phoneNumberId", phoneNumberId);
        requireDigits("customerWaId", customerWaId);
    }

    private static void requireDigits(String field, String value) {
        if (value == null || !value.matches("[0-9]{1,32}")) {
            throw new InvalidValue(field + " must be 1 to 32 digits, was '" + value + "'");
        }
    }
}
