package dev.warden.adapters.web.api;

import dev.warden.domain.campaign.CampaignSnapshot;
import dev.warden.domain.campaign.PausedBy;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * A campaign. {@code pausedBy} is SYSTEM (Warden, for a template reason; resumes by itself) or
 * USER (a person, named in {@code pausedByUser}; never resumes by itself).
 */
@Serdeable
record CampaignResponse(String id, String organizationId, String name, String templateId, String status,
                        String pauseReason, String pausedBy, String pausedByUser, Instant pausedAt, Instant createdAt,
                        Instant updatedAt) {

    static CampaignResponse from(CampaignSnapshot c) {
        return new CampaignResponse(c.id().toString(), c.organizationId().toString(), c.name(),
                c.templateId().toString(), c.status().name(), c.pauseReason().map(Enum::name).orElse(null),
                c.pausedBy().map(by -> by.kind().name()).orElse(null),
                c.pausedBy().map(PausedBy::username).orElse(null), c.pausedAt().orElse(null), c.createdAt(),
                c.updatedAt());
    }
}
