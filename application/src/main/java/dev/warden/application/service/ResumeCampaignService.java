package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.ResumeCampaignUseCase;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.campaign.CampaignId;
import dev.warden.domain.campaign.CampaignRepository;
import dev.warden.domain.campaign.CampaignSnapshot;
import dev.warden.domain.shared.DomainEventPublisher;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.TemplateRepository;
import java.time.Clock;
import java.util.Optional;

/** Use case implementation: a person resumes a paused campaign, if its template can be sent. */
public final class ResumeCampaignService implements ResumeCampaignUseCase {

    private final TemplateRepository templates;
    private final CampaignChange change;
    private final Clock clock;

    public ResumeCampaignService(TemplateRepository templates, CampaignRepository campaigns, UnitOfWork unitOfWork,
                                 DomainEventPublisher publisher, Clock clock) {
        this.templates = templates;
        this.change = new CampaignChange(campaigns, unitOfWork, publisher);
        this.clock = clock;
    }

    @Override
    public CampaignSnapshot resumeCampaign(Actor actor, Optional<OrganizationId> organizationId, CampaignId campaignId) {
        return change.apply(actor, organizationId, campaignId, (organization, campaign) -> campaign.resumeBy(
                CampaignChange.templateStatus(templates, organization, campaign), clock.instant()));
    }
}
