package dev.warden.application.port.in;

import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.TemplateId;
import dev.warden.domain.template.version.TemplateVersion;

/** Use case: make an earlier version current again, as a new version. */
public interface RollbackTemplateUseCase {

    TemplateVersion rollbackTemplate(Actor actor, OrganizationId organizationId, TemplateId templateId, int toVersion);
}
