package dev.warden.domain.template.version;

import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.TemplateId;
import java.util.List;
import java.util.Optional;

/** Outgoing persistence port for template versions; append-only. */
public interface TemplateVersionRepository extends TemplateVersionLog {

    Optional<TemplateVersion> find(OrganizationId organizationId, TemplateId templateId, int number);

    /** All versions of a template, oldest first. */
    List<TemplateVersion> list(OrganizationId organizationId, TemplateId templateId);
}
