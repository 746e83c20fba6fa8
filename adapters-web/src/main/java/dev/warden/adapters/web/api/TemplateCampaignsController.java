package dev.warden.adapters.web.api;

import dev.warden.adapters.web.security.Actors;
import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.ListTemplateCampaignsUseCase;
import dev.warden.domain.campaign.CampaignFilter;
import dev.warden.domain.campaign.CampaignStatus;
import dev.warden.domain.campaign.HoldCause;
import dev.warden.domain.template.TemplateId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import java.util.Optional;
import java.util.Set;

/**
 * Web adapter: the campaigns a template affects, with their holds. Without {@code status}, the open
 * ones (DRAFT, RUNNING, PAUSED): finished campaigns no longer depend on the template.
 */
@Controller("/api/v1/templates")
@Secured({"SUPER_ADMIN", "ORG_ADMIN", "VIEWER"})
@ExecuteOn(TaskExecutors.BLOCKING)
class TemplateCampaignsController {

    private final ListTemplateCampaignsUseCase listTemplateCampaigns;
    private final CampaignResponses responses;

    TemplateCampaignsController(ListTemplateCampaignsUseCase listTemplateCampaigns, CampaignResponses responses) {
        this.listTemplateCampaigns = listTemplateCampaigns;
        this.responses = responses;
    }

    @Get("/{id}/campaigns")
    @Operation(operationId = "listTemplateCampaigns")
    PageResponse<CampaignResponse> campaigns(@PathVariable String id, @Nullable @QueryValue String organizationId,
                                             @Nullable @QueryValue String status,
                                             @Nullable @QueryValue String holdCause,
                                             @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size,
                                             Authentication authentication) {
        TemplateId templateId = TemplateId.parse(id);
        Set<CampaignStatus> statuses = QueryValues.oneOf("status", status, CampaignStatus.class).map(Set::of)
                .orElse(CampaignFilter.OPEN);
        CampaignFilter filter = new CampaignFilter(QueryValues.organization(organizationId), Optional.of(templateId),
                statuses, QueryValues.oneOf("holdCause", holdCause, HoldCause.class));
        Actor actor = Actors.of(authentication);
        return responses.page(actor, listTemplateCampaigns.listTemplateCampaigns(actor, templateId, filter,
                QueryValues.page(page, size)));
    }
}
