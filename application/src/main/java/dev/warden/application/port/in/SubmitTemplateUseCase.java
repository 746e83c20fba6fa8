package dev.warden.application.port.in;

import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.TemplateId;
import dev.warden.domain.template.TemplateSnapshot;
import java.util.Optional;

/** Use case: send a DRAFT to Meta for review; it becomes PENDING (or whatever Meta answers) with Meta's id. */
public interface SubmitTemplateUseCase {

    /**
     * @throws MetaAccessNotConfigured when Warden has no access token
     * @throws MetaRefused             when Meta refuses the template (the draft is unchanged)
     * @throws MetaUnreachable         when Meta cannot be asked (the draft is unchanged)
     */
    TemplateSnapshot submitTemplate(Actor actor, Optional<OrganizationId> organizationId, TemplateId templateId);
}
