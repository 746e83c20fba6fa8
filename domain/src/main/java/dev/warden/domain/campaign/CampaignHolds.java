package dev.warden.domain.campaign;

import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.TemplateId;
import dev.warden.domain.template.TemplateStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Placing and lifting a hold on every open campaign of a template: what governing a template
 * change does to campaigns. Narrower than {@link CampaignRepository} so a batch can skip templates
 * it knows have no open campaign. A template's status reaches the campaigns that fall back on it too
 * (docs/adr/0020); its other holds reach the campaigns whose own template it is.
 */
public interface CampaignHolds {

    /** {@link Campaign#place} for every open campaign of the template; returns what it caused. */
    List<CampaignEvent> placeHold(OrganizationId organizationId, TemplateId templateId, Hold hold);

    /** {@link Campaign#lift} for every open campaign of the template; returns what it caused. */
    List<CampaignEvent> liftHold(OrganizationId organizationId, TemplateId templateId, HoldCause cause,
                                 boolean autoResume, Instant now);

    /**
     * {@link Campaign#place} for every open campaign that sends the template, as its own or as its fallback
     * ({@link CampaignSnapshot#sends}), and cannot send ({@link Campaign#canSend}); returns what it caused.
     *
     * @param current the statuses of templates changed in the caller's transaction, which win over the stored
     *                ones (an inbox batch writes its templates behind, after their holds)
     */
    List<CampaignEvent> placeTemplateHold(OrganizationId organizationId, TemplateId templateId, Hold hold,
                                          Map<TemplateId, TemplateStatus> current);

    /**
     * {@link Campaign#lift} for every open campaign that sends the template, as its own or as its fallback: the
     * template is sendable again, so each of them can send; returns what it caused.
     */
    List<CampaignEvent> liftTemplateHold(OrganizationId organizationId, TemplateId templateId, HoldCause cause,
                                         boolean autoResume, Instant now);
}
