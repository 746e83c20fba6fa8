package dev.warden.application.service;

import dev.warden.domain.shared.PageRequest;
import dev.warden.domain.template.CategoryInfo;
import dev.warden.domain.template.HistoryKind;
import dev.warden.domain.template.TemplateHistory;
import dev.warden.domain.template.TemplateSnapshot;
import java.util.Optional;

/** Reads a template's category facts: the template, and its recent category history for the last change. */
final class CategoryInfoReader {

    /** Category lines are rare (a recategorisation, a notice, a policy change): the last change is among these. */
    private static final PageRequest RECENT = new PageRequest(0, PageRequest.MAX_SIZE);

    private final TemplateHistory history;

    CategoryInfoReader(TemplateHistory history) {
        this.history = history;
    }

    CategoryInfo read(TemplateSnapshot template) {
        return CategoryInfo.of(template, history.listOfKind(Optional.of(template.organizationId()),
                Optional.of(template.id()),
                HistoryKind.CATEGORY, RECENT).items());
    }
}
