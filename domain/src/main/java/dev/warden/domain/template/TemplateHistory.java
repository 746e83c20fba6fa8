package dev.warden.domain.template;

import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.shared.Page;
import dev.warden.domain.shared.PageRequest;

/** Outgoing persistence port for template history; append-only. */
public interface TemplateHistory {

    void append(TemplateHistoryEntry entry);

    /** Newest first. */
    Page<TemplateHistoryEntry> list(OrganizationId organizationId, TemplateId templateId, PageRequest page);
}
