package dev.warden.domain.sending;

import dev.warden.domain.shared.InvalidValue;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.TemplateId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which template, through which provider, an organisation sends when one of its backends reports an
 * event. Meta's Cloud API sends from a business phone number, so a META mapping names one; MyOperator
 * sends from the number its account is set up with, unless the mapping names another.
 */
public record EventMapping(OrganizationId organizationId, EventType eventType, TemplateId templateId,
                           SendProvider provider, Optional<String> phoneNumberId, Instant updatedAt) {

    public EventMapping {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(templateId, "templateId");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(phoneNumberId, "phoneNumberId");
        Objects.requireNonNull(updatedAt, "updatedAt");
        phoneNumberId.ifPresent(EventMapping::requirePhoneNumberId);
        if (provider == SendProvider.META && phoneNumberId.isEmpty()) {
            throw new InvalidValue("phoneNumberId is required for provider META: Meta sends from a business phone"
                    + " number");
        }
    }

    /** Meta's id of a business phone number: digits. */
    public static String requirePhoneNumberId(String value) {
        if (value == null || !value.matches("[0-9]{1,32}")) {
            throw new InvalidValue("phoneNumberId must be 1 to 32 digits, was '" + value + "'");
        }
        return value;
    }
}
