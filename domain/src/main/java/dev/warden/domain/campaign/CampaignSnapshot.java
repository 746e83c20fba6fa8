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
 */
public record CampaignSnapshot(CampaignId id, OrganizationId organizationId, String name, TemplateId templateId,
                               CampaignStatus status, List<Hold> holds, Instant createdAt, Instant updatedAt,
                               long revision) {

    /** Oldest first; two holds placed at once in the order of their causes. */
    public static final Comparator<Hold> PLACEMENT_ORDER =
            Comparator.comparing(Hold::since).thenComparing(Hold::cause);

    public CampaignSnapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(templateId, "templateId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        holds = holds.stream().sorted(PLACEMENT_ORDER).toList();
    }

    /** The hold placed first: what the campaign was paused for. */
    public Optional<Hold> firstHold() {
        return holds.stream().findFirst();
    }
}
