package dev.warden.application.port.in;

import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.shared.Page;
import dev.warden.domain.shared.PageRequest;
import dev.warden.domain.template.TemplateHistoryEntry;
import dev.warden.domain.template.TemplateId;
import java.util.Optional;

/** Query: a template's history, newest first. */
public interface GetTemplateHistoryUseCase {

    Page<TemplateHistoryEntry> getHistory(Actor actor, Optional<OrganizationId> organizationId, TemplateId templateId,
                                          PageRequest page);
}
