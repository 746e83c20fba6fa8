package dev.warden.application.port.in;

import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.TemplateId;
import dev.warden.domain.template.version.TemplateVersion;
import java.util.List;

/** Query: every version of a template, oldest first. */
public interface ListTemplateVersionsUseCase {

    List<TemplateVersion> listVersions(Actor actor, OrganizationId organizationId, TemplateId templateId);
}
