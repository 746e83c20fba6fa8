package dev.warden.domain.template;

import dev.warden.domain.organization.WabaId;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.content.TemplateContent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Every fact about a template at one revision: the only shape persistence reads and writes, and
 * what read-only adapters show.
 *
 * @param metaTemplateId  empty for a draft not yet submitted
 * @param flagDisableDate the date Meta said it would disable a flagged template, as Meta wrote it
 * @param awaitingCategoryConsent Meta recategorised it against its policy and nobody consented yet
 * @param statusBeforeArchive what UNARCHIVED restores
 * @param content         empty for a template known only from a status or quality event
 * @param currentVersion  0 while no content is known
 * @param approvedEdits   when edits were made while the template was approved (Meta's edit limits)
 * @param lastApplied     per kind, the event time of the last applied change (the stale rule)
 * @param revision        the optimistic-locking token
 */
public record TemplateSnapshot(TemplateId id, OrganizationId organizationId, WabaId wabaId,
                               Optional<MetaTemplateId> metaTemplateId, TemplateName name, LanguageCode language,
                               TemplateCategory category, TemplateStatus status, QualityRating quality,
                               boolean flagged, String flagDisableDate, int pauseCount, Optional<PauseInfo> pause,
                               Optional<Rejection> rejection, Optional<PendingCategoryChange> pendingCategory,
                               boolean allowCategoryChange, boolean awaitingCategoryConsent,
                               Optional<TemplateStatus> statusBeforeArchive,
                               Optional<TemplateContent> content, int currentVersion, List<Instant> approvedEdits,
                               Map<ChangeKind, Instant> lastApplied, Instant createdAt, Instant updatedAt,
                               long revision) {

    public TemplateSnapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(wabaId, "wabaId");
        Objects.requireNonNull(metaTemplateId, "metaTemplateId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(quality, "quality");
        Objects.requireNonNull(pause, "pause");
        Objects.requireNonNull(rejection, "rejection");
        Objects.requireNonNull(pendingCategory, "pendingCategory");
        Objects.requireNonNull(statusBeforeArchive, "statusBeforeArchive");
        Objects.requireNonNull(content, "content");
        approvedEdits = List.copyOf(approvedEdits);
        lastApplied = Map.copyOf(lastApplied);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public boolean sendable() {
        return status.isSendable();
    }

    /** The event time of the newest change applied of any kind. */
    public Optional<Instant> lastEventAt() {
        return lastApplied.values().stream().max(Instant::compareTo);
    }
}
