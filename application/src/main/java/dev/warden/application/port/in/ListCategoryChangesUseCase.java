package dev.warden.application.port.in;

import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.shared.Page;
import dev.warden.domain.shared.PageRequest;
import dev.warden.domain.template.TemplateHistoryEntry;
import java.util.Optional;

/** Query: an organisation's category history (Meta's notices and changes, policy changes, consents), newest first. */
public interface ListCategoryChangesUseCase {

    Page<TemplateHistoryEntry> listCategoryChanges(Actor actor, Optional<OrganizationId> organizationId,
                                                   PageRequest page);
}
