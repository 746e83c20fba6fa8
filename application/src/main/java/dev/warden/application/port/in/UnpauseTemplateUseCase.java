package dev.warden.application.port.in;

import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.TemplateId;
import dev.warden.domain.template.TemplateSnapshot;
import java.util.Optional;

/** Use case: ask Meta to lift a pause it made during pacing; the template is APPROVED again (ADR 0012). */
public interface UnpauseTemplateUseCase {

    /**
     * @throws dev.warden.domain.template.MetaRequestRefused when it is not PAUSED, or paused for its quality
     * @throws MetaAccessNotConfigured when Warden has no access token
     * @throws MetaRefused             when Meta will not unpause it (nothing changes)
     * @throws MetaUnreachable         when Meta cannot be asked (nothing changes)
     */
    TemplateSnapshot unpauseTemplate(Actor actor, Optional<OrganizationId> organizationId, TemplateId templateId);
}
