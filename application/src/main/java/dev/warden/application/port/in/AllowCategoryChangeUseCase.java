package dev.warden.application.port.in;

import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.CategoryInfo;
import dev.warden.domain.template.TemplateId;
import java.util.Optional;

/**
 * Use case: an admin sets whether Meta may recategorise a template without holding its campaigns.
 * It governs the recategorisations Warden hears of from now on; a change already awaiting consent
 * still waits for its alert to be acknowledged.
 */
public interface AllowCategoryChangeUseCase {

    CategoryInfo allowCategoryChange(Actor actor, Optional<OrganizationId> organizationId, TemplateId templateId,
                                     boolean allow);
}
