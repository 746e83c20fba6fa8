package dev.warden.application.port.in;

import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.TemplateId;
import java.util.Optional;

/**
 * Use case: delete a template. A draft Meta never saw goes with its versions and history (ADR 0009); a
 * template Meta knows is deleted at Meta and then shown DELETED, its history kept (ADR 0012).
 */
public interface DeleteTemplateUseCase {

    /**
     * @throws dev.warden.domain.template.TemplateDeletionRefused when campaigns use it
     * @throws dev.warden.domain.template.MetaRequestRefused when Meta would refuse (DISABLED, already deleting)
     * @throws MetaAccessNotConfigured when Meta knows it and Warden has no access token
     * @throws MetaRefused             when Meta refuses (nothing changes)
     * @throws MetaUnreachable         when Meta cannot be asked (nothing changes)
     */
    void deleteTemplate(Actor actor, Optional<OrganizationId> organizationId, TemplateId templateId);
}
