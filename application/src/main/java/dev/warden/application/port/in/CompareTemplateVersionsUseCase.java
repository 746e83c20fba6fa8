package dev.warden.application.port.in;

import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.TemplateId;
import dev.warden.domain.template.version.VersionDiff;
import java.util.Optional;

/** Query: how two versions of a template differ, component by component. */
public interface CompareTemplateVersionsUseCase {

    VersionDiff compareVersions(Actor actor, Optional<OrganizationId> organizationId, TemplateId templateId, int from,
                                int to);
}
