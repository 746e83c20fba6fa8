package dev.warden.application.port.in;

import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.CategoryInfo;
import dev.warden.domain.template.TemplateId;
import java.util.Optional;

/** Query: where a template stands on category (SPEC 3.4). */
public interface GetCategoryInfoUseCase {

    CategoryInfo getCategoryInfo(Actor actor, Optional<OrganizationId> organizationId, TemplateId templateId);
}
