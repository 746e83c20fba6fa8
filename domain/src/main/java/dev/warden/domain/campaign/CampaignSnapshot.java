package dev.warden.domain.campaign;

import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.TemplateId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Every fact about a campaign at one revision; what persistence stores and read adapters show. */
public record CampaignSnapshot(CampaignId id, OrganizationId organizationId, String name, TemplateId templateId,
                               CampaignStatus status, Optional<PauseReason> pauseReason, Optional<PausedBy> pausedBy,
                               Optional<Instant> pausedAt, Instant createdAt, Instant updatedAt, long revision) {

    public CampaignSnapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(templateId, "templateId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(pauseReason, "pauseReason");
        Objects.requireNonNull(pausedBy, "pausedBy");
        Objects.requireNonNull(pausedAt, "pausedAt");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
