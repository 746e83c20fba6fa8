package dev.warden.domain.sending;

import dev.warden.domain.shared.InvalidValue;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.TemplateId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which template, through which provider, an organisation sends when one of its backends reports an
 * event. Meta's Cloud API sends from a business phone number, so a META mapping names one (checked
 * with Meta to be the organisation's). MyOperator sends from the number the deployment's one MyOperator
 * account is set up with: a MYOPERATOR mapping names none, since Warden cannot ask MyOperator which
 * numbers are whose, and one organisation must not send from another's.
 *
 * @param fallbackTemplateId sent instead while the template is not sendable ({@link TemplateChoice});
 *                           another template than the mapped one
 */
public record EventMapping(OrganizationId organizationId, EventType eventType, TemplateId templateId,
                           SendProvider provider, Optional<String> phoneNumberId,
                           Optional<TemplateId> fallbackTemplateId, Instant updatedAt) {

    public EventMapping {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(templateId, "templateId");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(phoneNumberId, "phoneNumberId");
        Objects.requireNonNull(fallbackTemplateId, "fallbackTemplateId");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (fallbackTemplateId.filter(templateId::equals).isPresent()) {
            throw new InvalidValue("fallbackTemplateId must be another template than templateId " + templateId
                    + ": a fallback is sent when the mapped template cannot be");
        }
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

    /** Meta's id of a business phone number: digits. */
    public static String requirePhoneNumberId(String value) {
        if (value == null || !value.matches("[0-9]{1,32}")) {
            throw new InvalidValue("phoneNumberId must be 1 to 32 digits, was '" + value + "'");
        }
        return value;
    }
}
