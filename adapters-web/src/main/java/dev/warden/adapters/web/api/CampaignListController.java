package dev.warden.adapters.web.api;

import dev.warden.adapters.web.security.Actors;
import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.ListCampaignsUseCase;
import dev.warden.domain.campaign.CampaignFilter;
import dev.warden.domain.campaign.CampaignSortField;
import dev.warden.domain.campaign.CampaignStatus;
import dev.warden.domain.campaign.HoldCause;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.Set;

/** Web adapter: campaigns listed by status, template and hold cause, newest first, with their holds. */
@Controller("/api/v1/campaigns")
@Secured({"SUPER_ADMIN", "ORG_ADMIN", "VIEWER"})
@ExecuteOn(TaskExecutors.BLOCKING)
class CampaignListController {

    private static final String SORT = "Order of the list: one of name, status, createdAt, updatedAt; a leading "
            + "'-' sorts descending (sort=name). Statuses sort in the order the schema lists them; ties by id. "
            + "Without it: newest first.";

    private final ListCampaignsUseCase listCampaigns;
    private final CampaignResponses responses;

    CampaignListController(ListCampaignsUseCase listCampaigns, CampaignResponses responses) {
        this.listCampaigns = listCampaigns;
        this.responses = responses;
    }

    @Get
    @Operation(operationId = "listCampaigns")
    PageResponse<CampaignResponse> list(@Nullable @QueryValue String organizationId, @Nullable @QueryValue String status,
                                        @Nullable @QueryValue String templateId,
                                        @Nullable @QueryValue String holdCause, @Nullable @QueryValue Integer page,
                                        @Nullable @QueryValue Integer size,
                                        @Parameter(description = SORT) @Nullable @QueryValue String sort,
                                        Authentication authentication) {
        CampaignFilter filter = new CampaignFilter(QueryValues.organization(organizationId),
                QueryValues.template(templateId),
                QueryValues.oneOf("status", status, CampaignStatus.class).map(Set::of).orElse(Set.of()),
                QueryValues.oneOf("holdCause", holdCause, HoldCause.class))
                .withSort(QueryValues.sort(sort, CampaignSortField.class));
        Actor actor = Actors.of(authentication);
        return responses.page(actor, listCampaigns.listCampaigns(actor, filter, QueryValues.page(page, size)));
    }
}
