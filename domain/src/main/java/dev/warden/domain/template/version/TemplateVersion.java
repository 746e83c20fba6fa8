package dev.warden.domain.template.version;

import dev.warden.domain.shared.InvalidValue;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.TemplateCategory;
import dev.warden.domain.template.TemplateId;
import dev.warden.domain.template.content.TemplateContent;
import java.time.Instant;
import java.util.Objects;

/**
 * One immutable state of a template's content and category: v1, v2, ... Rolling back appends a
 * new version equal to an old one; nothing is ever rewritten.
 *
 * @param author who made it: a username, or {@code meta} when Meta reported the content
 * @param note   why: "created", "edited", "rollback to v2", "changed by Meta"
 */
public record TemplateVersion(OrganizationId organizationId, TemplateId templateId, int number,
                              TemplateCategory category, TemplateContent content, String author, String note,
                              Instant createdAt) {

    public static final String META_AUTHOR = "meta";

    public TemplateVersion {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(templateId, "templateId");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(createdAt, "createdAt");
        if (number < 1) {
            throw new InvalidValue("version number must be 1 or more, was " + number);
        }
    }

    public VersionDiff diffTo(TemplateVersion later) {
        return VersionDiff.between(this, later);
    }
}
