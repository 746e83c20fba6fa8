package dev.warden.application.port.in;

import dev.warden.domain.organization.WabaId;
import dev.warden.domain.sending.EventMapping;
import dev.warden.domain.sending.Recipient;
import dev.warden.domain.shared.InvalidValue;
import dev.warden.domain.shared.OrganizationId;
import java.util.Objects;
import java.util.Optional;

/** A free-form text from a business number of a WABA to a customer. */
public record SendTextCommand(Optional<OrganizationId> organizationId, WabaId wabaId, String phoneNumberId,
                              Recipient to, String text) {

    /** Meta's limit for a text message body. */
    public static final int MAX_TEXT_LENGTH = 4096;

    public SendTextCommand {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(wabaId, "wabaId");
        EventMapping.requirePhoneNumberId(phoneNumberId);
        Objects.requireNonNull(to, "to");
        if (text == null || text.isBlank() || text.length() > MAX_TEXT_LENGTH) {
            throw new InvalidValue("text must be 1 to " + MAX_TEXT_LENGTH + " characters, not blank");
        }
    }
}
