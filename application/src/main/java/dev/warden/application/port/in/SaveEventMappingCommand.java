package dev.warden.application.port.in;

import dev.warden.domain.sending.EventType;
import dev.warden.domain.sending.SendProvider;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.TemplateId;
import java.util.Objects;
import java.util.Optional;

/**
 * Map an event type to a template of the organisation, sent through a provider (from a phone number), with
 * a fallback template sent while that one is not sendable.
 */
public record SaveEventMappingCommand(Optional<OrganizationId> organizationId, EventType eventType,
                                      TemplateId templateId, SendProvider provider,
                                      Optional<String> phoneNumberId, Optional<TemplateId> fallbackTemplateId) {

    public SaveEventMappingCommand {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(templateId, "templateId");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(phoneNumberId, "phoneNumberId");
        Objects.requireNonNull(fallbackTemplateId, "fallbackTemplateId");
    }
}
