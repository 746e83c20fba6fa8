package dev.warden.adapters.web.api;

import dev.warden.adapters.web.security.Actors;
import dev.warden.application.port.in.AllowCategoryChangeUseCase;
import dev.warden.application.port.in.GetCategoryInfoUseCase;
import dev.warden.application.port.in.ListCategoryChangesUseCase;
import dev.warden.domain.template.TemplateId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;

/** Web adapter: a template's category standing and policy, and the organisation's category history (SPEC 3.4). */
@Controller("/api/v1/templates")
@ExecuteOn(TaskExecutors.BLOCKING)
class TemplateCategoryController {

    private final GetCategoryInfoUseCase getCategoryInfo;
    private final AllowCategoryChangeUseCase allowCategoryChange;
    private final ListCategoryChangesUseCase listCategoryChanges;

    TemplateCategoryController(GetCategoryInfoUseCase getCategoryInfo, AllowCategoryChangeUseCase allowCategoryChange,
                               ListCategoryChangesUseCase listCategoryChanges) {
        this.getCategoryInfo = getCategoryInfo;
        this.allowCategoryChange = allowCategoryChange;
        this.listCategoryChanges = listCategoryChanges;
    }

    @Get("/{id}/category-info")
    @Secured({"SUPER_ADMIN", "ORG_ADMIN", "VIEWER"})
    @Operation(operationId = "getCategoryInfo")
    CategoryInfoResponse categoryInfo(@PathVariable String id, @Nullable @QueryValue String organizationId,
                                      Authentication authentication) {
        return CategoryInfoResponse.from(getCategoryInfo.getCategoryInfo(Actors.of(authentication),
                QueryValues.organization(organizationId), TemplateId.parse(id)));
    }

    @Patch("/{id}/allow-category-change")
    @Secured({"SUPER_ADMIN", "ORG_ADMIN"})
    @Operation(operationId = "setAllowCategoryChange")
    CategoryInfoResponse allowCategoryChange(@PathVariable String id, @Valid @Body AllowCategoryChangeRequest request,
                                             @Nullable @QueryValue String organizationId,
                                             Authentication authentication) {
        return CategoryInfoResponse.from(allowCategoryChange.allowCategoryChange(Actors.of(authentication),
                QueryValues.organization(organizationId), TemplateId.parse(id), request.allowed()));
    }

    @Get("/category-changes")
    @Secured({"SUPER_ADMIN", "ORG_ADMIN", "VIEWER"})
    @Operation(operationId = "listCategoryChanges")
    PageResponse<CategoryChangeResponse> categoryChanges(@Nullable @QueryValue String organizationId,
                                                         @Nullable @QueryValue Integer page,
                                                         @Nullable @QueryValue Integer size,
                                                         Authentication authentication) {
        return PageResponse.of(listCategoryChanges.listCategoryChanges(Actors.of(authentication),
                QueryValues.organization(organizationId), QueryValues.page(page, size)), CategoryChangeResponse::from);
    }
}
