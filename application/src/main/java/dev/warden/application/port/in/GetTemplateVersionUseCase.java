package dev.warden.application.port.in;

import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.TemplateId;
import dev.warden.domain.template.version.TemplateVersion;
import java.util.Optional;

/** Query: one version of a template. */
public interface GetTemplateVersionUseCase {

    TemplateVersion getVersion(Actor actor, Optional<OrganizationId> organizationId, TemplateId templateId, int number);
}
