package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.ListTemplateCampaignsUseCase;
import dev.warden.application.port.in.TemplateNotFound;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.campaign.CampaignFilter;
import dev.warden.domain.campaign.CampaignRepository;
import dev.warden.domain.campaign.CampaignSnapshot;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.shared.Page;
import dev.warden.domain.shared.PageRequest;
import dev.warden.domain.template.TemplateId;
import dev.warden.domain.template.TemplateRepository;
import java.util.Optional;

/** Use case implementation: the campaigns of one template; an unknown or foreign template is not found. */
public final class ListTemplateCampaignsService implements ListTemplateCampaignsUseCase {

    private final TemplateRepository templates;
    private final CampaignRepository campaigns;
    private final UnitOfWork unitOfWork;

    public ListTemplateCampaignsService(TemplateRepository templates, CampaignRepository campaigns,
                                        UnitOfWork unitOfWork) {
        this.templates = templates;
        this.campaigns = campaigns;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public Page<CampaignSnapshot> listTemplateCampaigns(Actor actor, TemplateId templateId, CampaignFilter filter,
                                                        PageRequest page) {
        return unitOfWork.inTransaction(() -> {
            OrganizationId scope = Scopes.of(actor, filter.organizationId(), () -> templates.ownerOf(templateId),
                    () -> new TemplateNotFound(templateId));
            templates.findById(scope, templateId).orElseThrow(() -> new TemplateNotFound(templateId));
            return campaigns.list(filter.within(Optional.of(scope)).withTemplate(templateId), page);
        });
    }
}
