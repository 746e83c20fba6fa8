package dev.warden.adapters.web.api;

import dev.warden.adapters.web.security.Actors;
import dev.warden.application.port.in.GetArchivalOutlookUseCase;
import dev.warden.application.port.in.GetQualitySummaryUseCase;
import dev.warden.application.port.in.GetQualityTrendUseCase;
import dev.warden.application.port.in.ListCriticalTemplatesUseCase;
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

/** Web adapter: the health views of templates (SPEC 5), read-only, within the caller's organisation. */
@Controller("/api/v1/templates")
@Secured({"SUPER_ADMIN", "ORG_ADMIN", "VIEWER"})
@ExecuteOn(TaskExecutors.BLOCKING)
class TemplateHealthController {

    private final ListCriticalTemplatesUseCase listCritical;
    private final GetQualitySummaryUseCase getSummary;
    private final GetQualityTrendUseCase getTrend;
    private final GetArchivalOutlookUseCase getOutlook;

    TemplateHealthController(ListCriticalTemplatesUseCase listCritical, GetQualitySummaryUseCase getSummary,
                             GetQualityTrendUseCase getTrend, GetArchivalOutlookUseCase getOutlook) {
        this.listCritical = listCritical;
        this.getSummary = getSummary;
        this.getTrend = getTrend;
        this.getOutlook = getOutlook;
    }

    @Get("/critical")
    @Operation(operationId = "listCriticalTemplates")
    PageResponse<CriticalTemplateResponse> critical(@Nullable @QueryValue String organizationId,
                                                    @Nullable @QueryValue Integer page,
                                                    @Nullable @QueryValue Integer size,
                                                    Authentication authentication) {
        return PageResponse.of(listCritical.listCritical(Actors.of(authentication),
                QueryValues.organization(organizationId), QueryValues.page(page, size)),
                CriticalTemplateResponse::from);
    }

    @Get("/quality-summary")
    @Operation(operationId = "getQualitySummary")
    QualitySummaryResponse qualitySummary(@Nullable @QueryValue String organizationId,
                                          @Nullable @QueryValue Integer recent, Authentication authentication) {
        return QualitySummaryResponse.from(getSummary.getSummary(Actors.of(authentication),
                QueryValues.organization(organizationId),
                recent == null ? GetQualitySummaryUseCase.DEFAULT_RECENT_CHANGES : recent));
    }

    @Get("/archival-outlook")
    @Operation(operationId = "getArchivalOutlook")
    ArchivalOutlookResponse archivalOutlook(@Nullable @QueryValue String organizationId,
                                            @Nullable @QueryValue Integer withinDays, Authentication authentication) {
        int window = withinDays == null ? GetArchivalOutlookUseCase.DEFAULT_DAYS : withinDays;
        return ArchivalOutlookResponse.of(window, getOutlook.outlook(Actors.of(authentication),
                QueryValues.organization(organizationId), window));
    }

    @Get("/{id}/quality-trend")
    @Operation(operationId = "getQualityTrend")
    QualityTrendResponse qualityTrend(@PathVariable String id, @Nullable @QueryValue String organizationId,
                                      @Nullable @QueryValue Integer days, Authentication authentication) {
        int window = days == null ? GetQualityTrendUseCase.DEFAULT_DAYS : days;
        return QualityTrendResponse.from(getTrend.getTrend(Actors.of(authentication),
                QueryValues.organization(organizationId), TemplateId.parse(id), window), window);
    }
}
