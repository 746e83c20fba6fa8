package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.DeleteTemplateUseCase;
import dev.warden.application.port.in.TemplateNotFound;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.audit.AuditAction;
import dev.warden.domain.audit.AuditResource;
import dev.warden.domain.audit.AuditTrail;
import dev.warden.domain.campaign.CampaignFilter;
import dev.warden.domain.campaign.CampaignRepository;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.shared.PageRequest;
import dev.warden.domain.template.MessageTemplate;
import dev.warden.domain.template.TemplateDeletionRefused;
import dev.warden.domain.template.TemplateId;
import dev.warden.domain.template.TemplateRepository;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/** Use case implementation: delete a draft Meta never saw and no campaign uses; anything else is refused (ADR 0009). */
public final class DeleteTemplateService implements DeleteTemplateUseCase {

    private final TemplateRepository templates;
    private final CampaignRepository campaigns;
    private final UnitOfWork unitOfWork;
    private final AdminAudit audit;

    public DeleteTemplateService(TemplateRepository templates, CampaignRepository campaigns, UnitOfWork unitOfWork,
                                 AuditTrail audit, Clock clock) {
        this.templates = templates;
        this.campaigns = campaigns;
        this.unitOfWork = unitOfWork;
        this.audit = new AdminAudit(audit, clock);
    }

    @Override
    public void deleteTemplate(Actor actor, Optional<OrganizationId> requested, TemplateId templateId) {
        unitOfWork.run(() -> {
            OrganizationId organizationId = Scopes.of(actor, requested, () -> templates.ownerOf(templateId),
                    () -> new TemplateNotFound(templateId));
            MessageTemplate template = templates.findById(organizationId, templateId)
                    .orElseThrow(() -> new TemplateNotFound(templateId));
            actor.requireWrite(organizationId);
            template.requireDeletableLocally();
            long using = campaigns.list(CampaignFilter.of(organizationId).withTemplate(templateId),
                    new PageRequest(0, 1)).total();
            if (using > 0) {
                throw new TemplateDeletionRefused(templateId, using + " campaign(s) use it; delete or move them first");
            }
            templates.delete(organizationId, templateId);
            audit.record(actor, organizationId, AuditAction.TEMPLATE_DELETED,
                    AuditResource.of(AuditResource.Kind.TEMPLATE, templateId), AdminAudit.facts(template.snapshot()),
                    Map.of());
        });
    }
}
