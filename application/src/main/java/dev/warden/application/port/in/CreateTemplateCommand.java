package dev.warden.application.port.in;

import dev.warden.domain.organization.WabaId;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.LanguageCode;
import dev.warden.domain.template.TemplateCategory;
import dev.warden.domain.template.TemplateName;
import dev.warden.domain.template.content.TemplateContent;
import java.util.Objects;
import java.util.Optional;

/**
 * A new template for a WABA of the organisation.
 *
 * @param organizationId the organisation a super admin names (others work in their own)
 * @param wabaId         optional when the organisation has exactly one WABA
 */
public record CreateTemplateCommand(Optional<OrganizationId> organizationId, Optional<WabaId> wabaId,
                                    TemplateName name, LanguageCode language, TemplateCategory category,
                                    TemplateContent content) {

    public CreateTemplateCommand {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(wabaId, "wabaId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(content, "content");
    }
}
