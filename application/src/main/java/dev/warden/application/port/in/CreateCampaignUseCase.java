package dev.warden.application.port.in;

import dev.warden.domain.campaign.CampaignSnapshot;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.TemplateId;
import java.util.Optional;

/** Use case: a DRAFT campaign that will send one template. */
public interface CreateCampaignUseCase {

    CampaignSnapshot createCampaign(Actor actor, Optional<OrganizationId> organizationId, String name,
                                    TemplateId templateId);
}
