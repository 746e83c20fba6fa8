package dev.warden.application.port.in;

import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.TemplateId;
import dev.warden.domain.template.TemplateSnapshot;
import java.util.Optional;

/** Query: one template of the actor's organisation (or the one a super admin names). */
public interface GetTemplateUseCase {

    TemplateSnapshot getTemplate(Actor actor, Optional<OrganizationId> organizationId, TemplateId templateId);
}
