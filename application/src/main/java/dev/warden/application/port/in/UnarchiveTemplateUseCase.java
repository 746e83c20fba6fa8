package dev.warden.application.port.in;

import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.TemplateId;
import dev.warden.domain.template.TemplateSnapshot;
import java.util.Optional;

/** Use case: ask Meta to unarchive a template; it returns to the status it had before (ADR 0012). */
public interface UnarchiveTemplateUseCase {

    /**
     * @throws dev.warden.domain.template.MetaRequestRefused when it is not ARCHIVED
     * @throws MetaAccessNotConfigured when Warden has no access token
     * @throws MetaRefused             when Meta will not unarchive it, with Meta's reason (nothing changes)
     * @throws MetaUnreachable         when Meta cannot be asked (nothing changes)
     */
    TemplateSnapshot unarchiveTemplate(Actor actor, Optional<OrganizationId> organizationId, TemplateId templateId);
}
