package dev.warden.application.port.in;

import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.TemplateId;
import java.util.Optional;

/** Use case: delete a draft Meta never saw, with its versions and history (ADR 0009). */
public interface DeleteTemplateUseCase {

    void deleteTemplate(Actor actor, Optional<OrganizationId> organizationId, TemplateId templateId);
}
