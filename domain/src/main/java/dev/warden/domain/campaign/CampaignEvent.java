package dev.warden.domain.campaign;

import dev.warden.domain.shared.DomainEvent;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.TemplateId;
import java.time.Instant;

/** Facts about campaigns. */
public sealed interface CampaignEvent extends DomainEvent {

    CampaignId campaignId();

    record Started(OrganizationId organizationId, CampaignId campaignId, TemplateId templateId, Instant at)
            implements CampaignEvent {
    }

    record Paused(OrganizationId organizationId, CampaignId campaignId, TemplateId templateId, PauseReason reason,
                  PausedBy pausedBy, Instant at) implements CampaignEvent {
    }

    record Resumed(OrganizationId organizationId, CampaignId campaignId, TemplateId templateId, boolean automatically,
                   Instant at) implements CampaignEvent {
    }

    record Finished(OrganizationId organizationId, CampaignId campaignId, CampaignStatus status, Instant at)
            implements CampaignEvent {
    }
}
