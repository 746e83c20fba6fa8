package dev.warden.application.port.in;

import dev.warden.domain.organization.WabaId;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.LanguageCode;
import dev.warden.domain.template.TemplateCategory;
import dev.warden.domain.template.TemplateName;
import dev.warden.domain.template.content.TemplateContent;
import java.util.Objects;

/** A new template for a WABA of the organisation. */
public record CreateTemplateCommand(OrganizationId organizationId, WabaId wabaId, TemplateName name,
                                    LanguageCode language, TemplateCategory category, TemplateContent content) {

    public CreateTemplateCommand {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(wabaId, "wabaId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(content, "content");
    }
}
