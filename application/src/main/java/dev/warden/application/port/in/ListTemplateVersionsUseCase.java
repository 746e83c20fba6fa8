package dev.warden.application.port.in;

import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.shared.Page;
import dev.warden.domain.shared.PageRequest;
import dev.warden.domain.template.TemplateId;
import dev.warden.domain.template.version.TemplateVersion;
import java.util.Optional;

/** Query: a template's versions, newest first, a page at a time. */
public interface ListTemplateVersionsUseCase {

    Page<TemplateVersion> listVersions(Actor actor, Optional<OrganizationId> organizationId, TemplateId templateId,
                                       PageRequest page);
}
