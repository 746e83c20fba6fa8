package dev.warden.adapters.web.api;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.GetCampaignProgressUseCase;
import dev.warden.domain.campaign.CampaignId;
import dev.warden.domain.campaign.CampaignProgress;
import dev.warden.domain.campaign.CampaignSnapshot;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.shared.Page;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Campaigns as the API answers them: with their progress, read in one query per organisation of the answer. */
@Singleton
class CampaignResponses {

    private final GetCampaignProgressUseCase progress;

    CampaignResponses(GetCampaignProgressUseCase progress) {
        this.progress = progress;
    }

    CampaignResponse one(Actor actor, CampaignSnapshot campaign) {
        return CampaignResponse.from(campaign, progress.progress(actor, campaign.organizationId(),
                List.of(campaign.id())).getOrDefault(campaign.id(), CampaignProgress.NONE));
    }

    PageResponse<CampaignResponse> page(Actor actor, Page<CampaignSnapshot> page) {
        Map<OrganizationId, List<CampaignId>> byOrganization = page.items().stream().collect(Collectors.groupingBy(
                CampaignSnapshot::organizationId, Collectors.mapping(CampaignSnapshot::id, Collectors.toList())));
        Map<CampaignId, CampaignProgress> read = new HashMap<>();
        byOrganization.forEach((organization, ids) -> read.putAll(progress.progress(actor, organization, ids)));
        return PageResponse.of(page, c -> CampaignResponse.from(c, read.getOrDefault(c.id(), CampaignProgress.NONE)));
    }
}
