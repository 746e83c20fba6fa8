package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.CreateCampaignUseCase;
import dev.warden.application.port.in.TemplateNotFound;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.audit.AuditAction;
import dev.warden.domain.audit.AuditResource;
import dev.warden.domain.audit.AuditTrail;
import dev.warden.domain.campaign.Campaign;
import dev.warden.domain.campaign.CampaignId;
import dev.warden.domain.campaign.CampaignRepository;
import dev.warden.domain.campaign.CampaignSnapshot;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.MessageTemplate;
import dev.warden.domain.template.TemplateId;
import dev.warden.domain.template.TemplateNotSendable;
import dev.warden.domain.template.TemplateRepository;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/** Use case implementation: create a campaign for a template of the same organisation. */
public final class CreateCampaignService implements CreateCampaignUseCase {

    private final TemplateRepository templates;
    private final CampaignRepository campaigns;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final AdminAudit audit;

    public CreateCampaignService(TemplateRepository templates, CampaignRepository campaigns, UnitOfWork unitOfWork,
                                 AuditTrail audit, Clock clock) {
        this.templates = templates;
        this.campaigns = campaigns;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.audit = new AdminAudit(audit, clock);
    }

    @Override
    public CampaignSnapshot createCampaign(Actor actor, Optional<OrganizationId> requested, String name,
                                           TemplateId templateId) {
        return unitOfWork.inTransaction(() -> {
            OrganizationId organizationId = Scopes.of(actor, requested, () -> templates.ownerOf(templateId),
                    () -> new TemplateNotFound(templateId));
            actor.requireWrite(organizationId);
            MessageTemplate template = templates.findById(organizationId, templateId)
                    .orElseThrow(() -> new TemplateNotFound(templateId));
            if (template.status().isGone()) {
                // A campaign for a deleted template could never send.
                throw new TemplateNotSendable(templateId, template.status());
            }
            Campaign campaign = Campaign.draft(CampaignId.random(), organizationId, name, templateId, clock.instant());
            campaigns.add(campaign);
            audit.record(actor, organizationId, AuditAction.CAMPAIGN_CREATED,
                    AuditResource.of(AuditResource.Kind.CAMPAIGN, campaign.id().value()), Map.of(),
                    Map.of("name", campaign.snapshot().name(), "template", templateId.value().toString(), "status",
                            campaign.snapshot().status().name()));
            return campaign.snapshot();
        });
    }
}
