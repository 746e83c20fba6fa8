package dev.warden.domain.campaign;

import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.TemplateId;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Every fact about a campaign at one revision; what persistence stores and read adapters show.
 * Holds are in the order they were placed.
 *
 * @param fallbackTemplateId sent instead while {@code templateId} is not sendable (docs/adr/0020)
 */
public record CampaignSnapshot(CampaignId id, OrganizationId organizationId, String name, TemplateId templateId,
                               Optional<TemplateId> fallbackTemplateId, CampaignStatus status, List<Hold> holds,
                               Instant createdAt, Instant updatedAt, long revision) {

    /** Oldest first; two holds placed at once in the order of their causes. */
    public static final Comparator<Hold> PLACEMENT_ORDER =
            Comparator.comparing(Hold::since).thenComparing(Hold::cause);

    public CampaignSnapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(templateId, "templateId");
        Objects.requireNonNull(fallbackTemplateId, "fallbackTemplateId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        holds = holds.stream().sorted(PLACEMENT_ORDER).toList();
    }

    /** Without a fallback. */
    public CampaignSnapshot(CampaignId id, OrganizationId organizationId, String name, TemplateId templateId,
                            CampaignStatus status, List<Hold> holds, Instant createdAt, Instant updatedAt,
                            long revision) {
        this(id, organizationId, name, templateId, Optional.empty(), status, holds, createdAt, updatedAt, revision);
    }

    /** Whether the campaign sends the template: as its own, or as its fallback. */
    public boolean sends(TemplateId template) {
        return templateId.equals(template) || fallbackTemplateId.filter(template::equals).isPresent();
    }

    /** The hold placed first: what the campaign was paused for. */
    public Optional<Hold> firstHold() {
        return holds.stream().findFirst();
    }
}
