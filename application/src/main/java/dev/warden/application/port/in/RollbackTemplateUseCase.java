package dev.warden.application.port.in;

import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.TemplateId;
import dev.warden.domain.template.version.TemplateVersion;
import java.util.Optional;

/** Use case: make an earlier version current again, as a new version, within Meta's edit rules. */
public interface RollbackTemplateUseCase {

    TemplateVersion rollbackTemplate(Actor actor, Optional<OrganizationId> organizationId, TemplateId templateId,
                                     int toVersion);
}
