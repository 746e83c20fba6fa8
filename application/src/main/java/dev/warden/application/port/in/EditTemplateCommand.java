package dev.warden.application.port.in;

import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.TemplateCategory;
import dev.warden.domain.template.TemplateId;
import dev.warden.domain.template.content.TemplateContent;
import java.util.Objects;
import java.util.Optional;

/** New content for a template, and a new category when one is given; a super admin may name the organisation. */
public record EditTemplateCommand(Optional<OrganizationId> organizationId, TemplateId templateId,
                                  TemplateContent content, Optional<TemplateCategory> category, String note) {

    public EditTemplateCommand {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(templateId, "templateId");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(category, "category");
        note = note == null || note.isBlank() ? "edited" : note.strip();
    }
}
