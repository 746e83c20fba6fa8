package dev.warden.domain.template;

import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.shared.Page;
import dev.warden.domain.shared.PageRequest;
import java.util.List;
import java.util.Optional;

/** Outgoing persistence port for template history; append-only. */
public interface TemplateHistory extends TemplateHistoryLog {

    /** Appends several entries in order; implementations may send them in one round trip. */
    default void appendAll(List<TemplateHistoryEntry> entries) {
        entries.forEach(this::append);
    }

    /** Newest first. */
    Page<TemplateHistoryEntry> list(OrganizationId organizationId, TemplateId templateId, PageRequest page);

    /**
     * The lines of one kind, newest first: of one template, or (empty) of every template of the
     * organisation, or (both empty) of every organisation.
     */
    Page<TemplateHistoryEntry> listOfKind(Optional<OrganizationId> organizationId, Optional<TemplateId> templateId,
                                          HistoryKind kind, PageRequest page);
}
