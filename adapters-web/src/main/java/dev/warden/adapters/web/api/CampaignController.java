package dev.warden.adapters.web.api;

import dev.warden.adapters.web.security.Actors;
import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.CancelCampaignUseCase;
import dev.warden.application.port.in.CompleteCampaignUseCase;
import dev.warden.application.port.in.CreateCampaignUseCase;
import dev.warden.application.port.in.GetCampaignUseCase;
import dev.warden.application.port.in.ListCampaignHoldsUseCase;
import dev.warden.application.port.in.PauseCampaignUseCase;
import dev.warden.application.port.in.ResumeCampaignUseCase;
import dev.warden.application.port.in.StartCampaignUseCase;
import dev.warden.domain.campaign.CampaignId;
import dev.warden.domain.shared.Ids;
import dev.warden.domain.template.TemplateId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.util.Optional;

/** Web adapter: campaigns and their holds; Warden never lifts a person's hold, a person never lifts Warden's. */
@Controller("/api/v1/campaigns")
@ExecuteOn(TaskExecutors.BLOCKING)
class CampaignController {

    private final CreateCampaignUseCase createCampaign;
    private final GetCampaignUseCase getCampaign;
    private final StartCampaignUseCase startCampaign;
    private final PauseCampaignUseCase pauseCampaign;
    private final ResumeCampaignUseCase resumeCampaign;
    private final CancelCampaignUseCase cancelCampaign;
    private final CompleteCampaignUseCase completeCampaign;
    private final ListCampaignHoldsUseCase listHolds;
    private final CampaignResponses responses;

    CampaignController(CreateCampaignUseCase createCampaign, GetCampaignUseCase getCampaign,
                       StartCampaignUseCase startCampaign, PauseCampaignUseCase pauseCampaign,
                       ResumeCampaignUseCase resumeCampaign, CancelCampaignUseCase cancelCampaign,
                       CompleteCampaignUseCase completeCampaign, ListCampaignHoldsUseCase listHolds,
                       CampaignResponses responses) {
        this.createCampaign = createCampaign;
        this.getCampaign = getCampaign;
        this.startCampaign = startCampaign;
        this.pauseCampaign = pauseCampaign;
        this.resumeCampaign = resumeCampaign;
        this.cancelCampaign = cancelCampaign;
        this.completeCampaign = completeCampaign;
        this.listHolds = listHolds;
        this.responses = responses;
    }

    @Post
    @Secured({"SUPER_ADMIN", "ORG_ADMIN"})
    @Operation(operationId = "createCampaign")
    HttpResponse<CampaignResponse> create(@Valid @Body CreateCampaignRequest request,
                                          @Nullable @QueryValue String organizationId, Authentication authentication) {
        Actor actor = Actors.of(authentication);
        return HttpResponse.created(responses.one(actor, createCampaign.createCampaign(actor,
                QueryValues.organization(organizationId), request.name(), TemplateId.parse(request.templateId()),
                Optional.ofNullable(request.fallbackTemplateId())
                        .map(text -> new TemplateId(Ids.parseUuid("fallbackTemplateId", text))))));
    }

    @Get("/{id}")
    @Secured({"SUPER_ADMIN", "ORG_ADMIN", "VIEWER"})
    @Operation(operationId = "getCampaign")
    CampaignResponse get(@PathVariable String id, @Nullable @QueryValue String organizationId,
                         Authentication authentication) {
        Actor actor = Actors.of(authentication);
        return responses.one(actor, getCampaign.getCampaign(actor, QueryValues.organization(organizationId),
                CampaignId.parse(id)));
    }

    @Get("/{id}/hold-history")
    @Secured({"SUPER_ADMIN", "ORG_ADMIN", "VIEWER"})
    @Operation(operationId = "listCampaignHolds")
    PageResponse<HoldRecordResponse> holdHistory(@PathVariable String id, @Nullable @QueryValue String organizationId,
                                                 @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size,
                                                 Authentication authentication) {
        return PageResponse.of(listHolds.listCampaignHolds(Actors.of(authentication),
                QueryValues.organization(organizationId), CampaignId.parse(id), QueryValues.page(page, size)),
                HoldRecordResponse::from);
    }

    @Post("/{id}/start")
    @Secured({"SUPER_ADMIN", "ORG_ADMIN"})
    @Operation(operationId = "startCampaign")
    CampaignResponse start(@PathVariable String id, @Nullable @QueryValue String organizationId,
                           Authentication authentication) {
        Actor actor = Actors.of(authentication);
        return responses.one(actor, startCampaign.startCampaign(actor, QueryValues.organization(organizationId),
                CampaignId.parse(id)));
    }

    @Post("/{id}/pause")
    @Secured({"SUPER_ADMIN", "ORG_ADMIN"})
    @Operation(operationId = "pauseCampaign")
    CampaignResponse pause(@PathVariable String id, @Nullable @QueryValue String organizationId,
                           Authentication authentication) {
        Actor actor = Actors.of(authentication);
        return responses.one(actor, pauseCampaign.pauseCampaign(actor, QueryValues.organization(organizationId),
                CampaignId.parse(id)));
    }

    @Post("/{id}/resume")
    @Secured({"SUPER_ADMIN", "ORG_ADMIN"})
    @Operation(operationId = "resumeCampaign")
    CampaignResponse resume(@PathVariable String id, @Nullable @QueryValue String organizationId,
                            Authentication authentication) {
        Actor actor = Actors.of(authentication);
        return responses.one(actor, resumeCampaign.resumeCampaign(actor, QueryValues.organization(organizationId),
                CampaignId.parse(id)));
    }

    @Post("/{id}/cancel")
    @Secured({"SUPER_ADMIN", "ORG_ADMIN"})
    @Operation(operationId = "cancelCampaign")
    CampaignResponse cancel(@PathVariable String id, @Nullable @QueryValue String organizationId,
                            Authentication authentication) {
        Actor actor = Actors.of(authentication);
        return responses.one(actor, cancelCampaign.cancelCampaign(actor, QueryValues.organization(organizationId),
                CampaignId.parse(id)));
    }

    @Post("/{id}/complete")
    @Secured({"SUPER_ADMIN", "ORG_ADMIN"})
    @Operation(operationId = "completeCampaign")
    CampaignResponse complete(@PathVariable String id, @Nullable @QueryValue String organizationId,
                              Authentication authentication) {
        Actor actor = Actors.of(authentication);
        return responses.one(actor, completeCampaign.completeCampaign(actor,
                QueryValues.organization(organizationId), CampaignId.parse(id)));
    }
}
