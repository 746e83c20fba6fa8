package dev.warden.application.port.in;

import dev.warden.domain.campaign.CampaignFilter;
import dev.warden.domain.campaign.CampaignSnapshot;
import dev.warden.domain.shared.Page;
import dev.warden.domain.shared.PageRequest;
import dev.warden.domain.template.TemplateId;

/**
 * Query: the campaigns a template affects, with their holds; an unknown or foreign template is not
 * found. The filter's organisation is the one the caller asked for, if any.
 */
public interface ListTemplateCampaignsUseCase {

    Page<CampaignSnapshot> listTemplateCampaigns(Actor actor, TemplateId templateId, CampaignFilter filter,
                                                 PageRequest page);
}
