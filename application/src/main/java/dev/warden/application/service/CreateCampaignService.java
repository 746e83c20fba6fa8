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
import dev.warden.domain.sending.TemplateChoice;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.MessageTemplate;
import dev.warden.domain.template.TemplateId;
import dev.warden.domain.template.TemplateNotSendable;
import dev.warden.domain.template.TemplateRepository;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Use case implementation: create a campaign for a template of the same organisation, and optionally a fallback
 * that may stand in for it by the mapping's rule ({@link TemplateChoice#requireFallbackFor}).
 */
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
                                           TemplateId templateId, Optional<TemplateId> fallbackTemplateId) {
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
            fallbackTemplateId.ifPresent(fallback -> TemplateChoice.requireFallbackFor(template.snapshot(),
                    templates.findById(organizationId, fallback).orElseThrow(() -> new TemplateNotFound(fallback))
                            .snapshot()));
            Campaign campaign = Campaign.draft(CampaignId.random(), organizationId, name, templateId,
                    fallbackTemplateId, clock.instant());
            campaigns.add(campaign);
            audit.record(actor, organizationId, AuditAction.CAMPAIGN_CREATED,
                    AuditResource.of(AuditResource.Kind.CAMPAIGN, campaign.id().value()), Map.of(),
                    facts(campaign.snapshot()));
            return campaign.snapshot();
        });
    }

    private static Map<String, String> facts(CampaignSnapshot campaign) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("name", campaign.name());
        facts.put("template", campaign.templateId().value().toString());
        campaign.fallbackTemplateId().ifPresent(fallback -> facts.put("fallbackTemplate", fallback.value().toString()));
        facts.put("status", campaign.status().name());
        return facts;
    }
}
