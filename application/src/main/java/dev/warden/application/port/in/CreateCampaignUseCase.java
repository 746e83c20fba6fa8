package dev.warden.application.port.in;

import dev.warden.domain.campaign.CampaignSnapshot;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.TemplateId;
import java.util.Optional;

/** Use case: a DRAFT campaign that will send one template, or its fallback while that one is not sendable. */
public interface CreateCampaignUseCase {

    default CampaignSnapshot createCampaign(Actor actor, Optional<OrganizationId> organizationId, String name,
                                            TemplateId templateId) {
        return createCampaign(actor, organizationId, name, templateId, Optional.empty());
    }

    /**
     * @param fallbackTemplateId another template of the same WABA with the same parameters (docs/adr/0020)
     * @throws dev.warden.domain.shared.InvalidValue when the fallback may not stand in for the template (400)
     */
    CampaignSnapshot createCampaign(Actor actor, Optional<OrganizationId> organizationId, String name,
                                    TemplateId templateId, Optional<TemplateId> fallbackTemplateId);
}
