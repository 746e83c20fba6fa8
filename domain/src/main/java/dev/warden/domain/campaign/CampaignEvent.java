package dev.warden.domain.campaign;

import dev.warden.domain.shared.DomainEvent;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.TemplateId;
import java.time.Instant;
import java.util.Optional;

/** Facts about campaigns. */
public sealed interface CampaignEvent extends DomainEvent {

    CampaignId campaignId();

    /** @param status RUNNING, or PAUSED when it was started while held */
    record Started(OrganizationId organizationId, CampaignId campaignId, TemplateId templateId, CampaignStatus status,
                   Instant at) implements CampaignEvent {
    }

    /** A hold was placed, or the hold of its cause now refers to something else ({@code updated}). */
    record HoldPlaced(OrganizationId organizationId, CampaignId campaignId, TemplateId templateId, Hold hold,
                      boolean updated, Instant at) implements CampaignEvent {
    }

    /** @param by the person who lifted it; empty when Warden did */
    record HoldLifted(OrganizationId organizationId, CampaignId campaignId, TemplateId templateId, HoldCause cause,
                      Optional<String> by, Instant at) implements CampaignEvent {
    }

    /** A running campaign stopped sending because a hold was placed. */
    record Paused(OrganizationId organizationId, CampaignId campaignId, TemplateId templateId, Instant at)
            implements CampaignEvent {
    }

    /** A held campaign sends again: its last hold was lifted, by Warden ({@code automatically}) or a person. */
    record Resumed(OrganizationId organizationId, CampaignId campaignId, TemplateId templateId, boolean automatically,
                   Instant at) implements CampaignEvent {
    }

    record Finished(OrganizationId organizationId, CampaignId campaignId, CampaignStatus status, Instant at)
            implements CampaignEvent {
    }
}
