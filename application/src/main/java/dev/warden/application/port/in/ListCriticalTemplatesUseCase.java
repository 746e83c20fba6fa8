package dev.warden.application.port.in;

import dev.warden.domain.health.CriticalTemplate;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.shared.Page;
import dev.warden.domain.shared.PageRequest;
import java.util.Optional;

/** Query: the templates that need a person now, most urgent first, within what the actor may see. */
public interface ListCriticalTemplatesUseCase {

    Page<CriticalTemplate> listCritical(Actor actor, Optional<OrganizationId> organizationId, PageRequest page);
}
