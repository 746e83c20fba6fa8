package dev.warden.adapters.web.api;

import dev.warden.adapters.web.security.Actors;
import dev.warden.application.port.in.GetTemplateHistoryUseCase;
import dev.warden.application.port.in.GetTemplateUseCase;
import dev.warden.application.port.in.ListTemplatesUseCase;
import dev.warden.domain.organization.WabaId;
import dev.warden.domain.template.MetaTemplateId;
import dev.warden.domain.template.QualityRating;
import dev.warden.domain.template.TemplateCategory;
import dev.warden.domain.template.TemplateFilter;
import dev.warden.domain.template.TemplateId;
import dev.warden.domain.template.TemplateName;
import dev.warden.domain.template.TemplateSortField;
import dev.warden.domain.template.TemplateStatus;
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
import io.swagger.v3.oas.annotations.Parameter;
import java.util.Optional;

/** Web adapter: templates and their history, within the caller's organisation (super admins: any). */
@Controller("/api/v1/templates")
@Secured({"SUPER_ADMIN", "ORG_ADMIN", "VIEWER"})
@ExecuteOn(TaskExecutors.BLOCKING)
class TemplateController {

    private static final String SORT = "Order of the list: one of name, language, status, quality, category, "
            + "createdAt, updatedAt; a leading '-' sorts descending (sort=-updatedAt). Statuses, qualities and "
            + "categories sort in the order the schema lists them; ties by id. Without it: name, language, id.";

    private final ListTemplatesUseCase listTemplates;
    private final GetTemplateUseCase getTemplate;
    private final GetTemplateHistoryUseCase getHistory;

    TemplateController(ListTemplatesUseCase listTemplates, GetTemplateUseCase getTemplate,
                       GetTemplateHistoryUseCase getHistory) {
        this.listTemplates = listTemplates;
        this.getTemplate = getTemplate;
        this.getHistory = getHistory;
    }

    @Get
    @Operation(operationId = "listTemplates")
    PageResponse<TemplateResponse> list(@Nullable @QueryValue String organizationId, @Nullable @QueryValue String wabaId,
                                        @Nullable @QueryValue String metaTemplateId, @Nullable @QueryValue String name,
                                        @Nullable @QueryValue String status, @Nullable @QueryValue String quality,
                                        @Nullable @QueryValue String category, @Nullable @QueryValue Integer page,
                                        @Nullable @QueryValue Integer size,
                                        @Parameter(description = SORT) @Nullable @QueryValue String sort,
                                        Authentication authentication) {
        TemplateFilter filter = new TemplateFilter(QueryValues.organization(organizationId),
                Optional.ofNullable(wabaId).filter(v -> !v.isBlank()).map(v -> new WabaId(v.strip())),
                Optional.ofNullable(metaTemplateId).filter(v -> !v.isBlank()).map(v -> new MetaTemplateId(v.strip())),
                QueryValues.text("name", name, TemplateName.MAX_LENGTH),
                QueryValues.oneOf("status", status, TemplateStatus.class),
                QueryValues.oneOf("quality", quality, QualityRating.class),
                QueryValues.oneOf("category", category, TemplateCategory.class))
                .withSort(QueryValues.sort(sort, TemplateSortField.class));
        return PageResponse.of(listTemplates.listTemplates(Actors.of(authentication), filter,
                QueryValues.page(page, size)), TemplateResponse::from);
    }

    @Get("/{id}")
    @Operation(operationId = "getTemplate")
    TemplateResponse get(@PathVariable String id, @Nullable @QueryValue String organizationId,
                         Authentication authentication) {
        return TemplateResponse.from(getTemplate.getTemplate(Actors.of(authentication),
                QueryValues.organization(organizationId), TemplateId.parse(id)));
    }

    @Get("/{id}/status-history")
    @Operation(operationId = "listStatusHistory")
    PageResponse<HistoryEntryResponse> history(@PathVariable String id, @Nullable @QueryValue String organizationId,
                                               @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size,
                                               Authentication authentication) {
        return PageResponse.of(getHistory.getHistory(Actors.of(authentication), QueryValues.organization(organizationId),
                TemplateId.parse(id), QueryValues.page(page, size)), HistoryEntryResponse::from);
    }
}
