package dev.warden.domain.campaign;

import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.TemplateId;
import java.time.Instant;
import java.util.List;

/**
 * Placing and lifting a hold on every open campaign of a template: what governing a template
 * change does to campaigns. Narrower than {@link CampaignRepository} so a batch can skip templates
 * it knows have no open campaign.
 */
public interface CampaignHolds {

    /** {@link Campaign#place} for every open campaign of the template; returns what it caused. */
    List<CampaignEvent> placeHold(OrganizationId organizationId, TemplateId templateId, Hold hold);

    /** {@link Campaign#lift} for every open campaign of the template; returns what it caused. */
    List<CampaignEvent> liftHold(OrganizationId organizationId, TemplateId templateId, HoldCause cause,
                                 boolean autoResume, Instant now);
}
