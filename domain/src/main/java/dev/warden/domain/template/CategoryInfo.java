package dev.warden.domain.template;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a template stands on category (SPEC 3.4): its category now, Meta's own word for it, a
 * recategorisation Meta announced, whether Meta may recategorise it without holding its campaigns,
 * whether a change waits for a person's consent, and the last change.
 *
 * @param category            the category now: Meta's once Meta has reported one
 * @param metaReported        Meta's most recent report of a category different from the one held,
 *                            written as Meta wrote it (a legacy value such as TRANSACTIONAL is
 *                            {@link TemplateCategory#UNKNOWN} in {@code category})
 * @param allowCategoryChange the template's policy: true lets Meta recategorise it with a history
 *                            line only; false raises an alert and holds its campaigns until consent
 * @param awaitingConsent     Meta recategorised it against the policy and nobody consented yet
 * @param lastChange          the history line of the last category change that applied
 */
public record CategoryInfo(TemplateId templateId, TemplateCategory category, Optional<MetaReport> metaReported,
                           Optional<PendingCategoryChange> pendingChange, boolean allowCategoryChange,
                           boolean awaitingConsent, Optional<TemplateHistoryEntry> lastChange) {

    /** A category as Meta wrote it, when, and through which channel. */
    public record MetaReport(String category, Instant at, ChangeSource source) {

        public MetaReport {
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(source, "source");
        }
    }

    public CategoryInfo {
        Objects.requireNonNull(templateId, "templateId");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(metaReported, "metaReported");
        Objects.requireNonNull(pendingChange, "pendingChange");
        Objects.requireNonNull(lastChange, "lastChange");
    }

    /**
     * The template's category facts, with the last change read from its category history.
     *
     * @param categoryHistory the template's CATEGORY history lines, newest first
     */
    public static CategoryInfo of(TemplateSnapshot template, List<TemplateHistoryEntry> categoryHistory) {
        Optional<TemplateHistoryEntry> lastChange = categoryHistory.stream()
                .filter(line -> !line.stale() && line.kind() == HistoryKind.CATEGORY)
                .filter(line -> CategoryState.CHANGED.equals(line.event()) || CategoryState.REPORTED.equals(line.event()))
                .findFirst();
        Optional<MetaReport> metaReported = lastChange.filter(line -> line.source() != ChangeSource.USER)
                .map(line -> new MetaReport(line.details().getOrDefault("reportedCategory", line.current()),
                        line.occurredAt(), line.source()));
        return new CategoryInfo(template.id(), template.category(), metaReported, template.pendingCategory(),
                template.allowCategoryChange(), template.awaitingCategoryConsent(), lastChange);
    }
}
