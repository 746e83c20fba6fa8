package dev.warden.application.service;

import dev.warden.domain.campaign.CampaignEvent;
import dev.warden.domain.campaign.CampaignHolds;
import dev.warden.domain.campaign.CampaignRepository;
import dev.warden.domain.campaign.Hold;
import dev.warden.domain.campaign.HoldCause;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.TemplateId;
import dev.warden.domain.template.TemplateStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Campaign holds for one inbox batch: which of the batch's templates an open campaign sends (as its own or as
 * its fallback) is read
 * in one query, and a hold is placed or lifted only for those; most templates have none, and their
 * changes then cost no campaign statement. A template the batch did not ask about is asked about
 *  on its own. No campaign can appear meanwhile: inserting one takes a key-share lock on its template
 * row and on its fallback's, which waits for the batch's {@code FOR UPDATE} of that template (so that lock must stay
 * {@code FOR UPDATE}, not be weakened to {@code FOR NO KEY UPDATE}).
 */
final class BatchCampaignHolds implements CampaignHolds {

    private final CampaignRepository campaigns;
    private final Function<OrganizationId, Map<TemplateId, TemplateStatus>> batchStatuses;
    private final Map<OrganizationId, Set<TemplateId>> asked = new HashMap<>();
    private final Map<OrganizationId, Set<TemplateId>> withCampaigns = new HashMap<>();

    /** @param batchStatuses the statuses of the templates the batch changed, not yet written */
    BatchCampaignHolds(CampaignRepository campaigns,
                       Function<OrganizationId, Map<TemplateId, TemplateStatus>> batchStatuses) {
        this.campaigns = campaigns;
        this.batchStatuses = batchStatuses;
    }

    /** Reads which of the templates have an open campaign, in one query. */
    void prefetch(OrganizationId organizationId, Collection<TemplateId> templateIds) {
        Set<TemplateId> known = asked.computeIfAbsent(organizationId, org -> new HashSet<>());
        List<TemplateId> missing = templateIds.stream().filter(id -> !known.contains(id)).distinct().toList();
        if (missing.isEmpty()) {
            return;
        }
        known.addAll(missing);
        withCampaigns.computeIfAbsent(organizationId, org -> new HashSet<>())
                .addAll(campaigns.withOpenCampaigns(organizationId, missing));
    }

    @Override
    public List<CampaignEvent> placeHold(OrganizationId organizationId, TemplateId templateId, Hold hold) {
        return hasCampaigns(organizationId, templateId) ? campaigns.placeHold(organizationId, templateId, hold)
                : List.of();
    }

    @Override
    public List<CampaignEvent> liftHold(OrganizationId organizationId, TemplateId templateId, HoldCause cause,
                                        boolean autoResume, Instant now) {
        return hasCampaigns(organizationId, templateId)
                ? campaigns.liftHold(organizationId, templateId, cause, autoResume, now) : List.of();
    }

    /** The statuses the batch changed win over the stored ones: its templates are written at its end. */
    @Override
    public List<CampaignEvent> placeTemplateHold(OrganizationId organizationId, TemplateId templateId, Hold hold,
                                                 Map<TemplateId, TemplateStatus> current) {
        if (!hasCampaigns(organizationId, templateId)) {
            return List.of();
        }
        Map<TemplateId, TemplateStatus> statuses = new HashMap<>(batchStatuses.apply(organizationId));
        statuses.putAll(current);
        return campaigns.placeTemplateHold(organizationId, templateId, hold, statuses);
    }

    @Override
    public List<CampaignEvent> liftTemplateHold(OrganizationId organizationId, TemplateId templateId,
                                                HoldCause cause, boolean autoResume, Instant now) {
        return hasCampaigns(organizationId, templateId)
                ? campaigns.liftTemplateHold(organizationId, templateId, cause, autoResume, now) : List.of();
    }

    /** Whether an open campaign sends the template, as its own or as its fallback. */
    private boolean hasCampaigns(OrganizationId organizationId, TemplateId templateId) {
        prefetch(organizationId, List.of(templateId));
        return withCampaigns.getOrDefault(organizationId, Set.of()).contains(templateId);
    }
}
