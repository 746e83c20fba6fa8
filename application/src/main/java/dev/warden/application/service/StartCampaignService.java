package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.StartCampaignUseCase;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.audit.AuditAction;
import dev.warden.domain.audit.AuditTrail;
import dev.warden.domain.campaign.CampaignId;
import dev.warden.domain.campaign.CampaignRepository;
import dev.warden.domain.campaign.CampaignSnapshot;
import dev.warden.domain.shared.DomainEventPublisher;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.MessageTemplate;
import dev.warden.domain.template.TemplateRepository;
import dev.warden.domain.template.TemplateStatus;
import java.time.Clock;
import java.util.Optional;

/**
 * Use case implementation: start a campaign; refused, naming the status, unless its template can be
 * sent, and refused while Meta's recategorisation of the template waits for consent.
 */
public final class StartCampaignService implements StartCampaignUseCase {

    private final TemplateRepository templates;
    private final CampaignChange change;
    private final Clock clock;

    public StartCampaignService(TemplateRepository templates, CampaignRepository campaigns, UnitOfWork unitOfWork,
                                DomainEventPublisher publisher, AuditTrail audit, Clock clock) {
        this.templates = templates;
        this.change = new CampaignChange(campaigns, unitOfWork, publisher, new AdminAudit(audit, clock),
                AuditAction.CAMPAIGN_STARTED);
        this.clock = clock;
    }

    @Override
    public CampaignSnapshot startCampaign(Actor actor, Optional<OrganizationId> organizationId, CampaignId campaignId) {
        return change.apply(actor, organizationId, campaignId, (organization, campaign) -> {
            MessageTemplate template = CampaignChange.templateOf(templates, organization, campaign);
            // A campaign whose fallback is sendable can start while its own template is not (docs/adr/0020).
            Optional<TemplateStatus> fallback = campaign.fallbackTemplateId().flatMap(id -> templates
                    .findById(organization, id)).map(MessageTemplate::status);
            return campaign.start(template.status(), fallback, template.awaitsCategoryConsent(), clock.instant());
        });
    }
}
