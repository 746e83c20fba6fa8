package dev.warden.adapters.web.api;

import dev.warden.adapters.web.security.Actors;
import dev.warden.application.port.in.CompareTemplateVersionsUseCase;
import dev.warden.application.port.in.GetTemplateVersionUseCase;
import dev.warden.application.port.in.ListTemplateVersionsUseCase;
import dev.warden.application.port.in.RollbackTemplateUseCase;
import dev.warden.domain.shared.InvalidValue;
import dev.warden.domain.template.TemplateId;
import io.micronaut.core.annotation.Nullable;
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

/** Web adapter: a template's versions: list (newest first), one, the diff of two, rollback to one. */
@Controller("/api/v1/templates/{id}/versions")
@ExecuteOn(TaskExecutors.BLOCKING)
class TemplateVersionController {

    private final ListTemplateVersionsUseCase listVersions;
    private final GetTemplateVersionUseCase getVersion;
    private final CompareTemplateVersionsUseCase compareVersions;
    private final RollbackTemplateUseCase rollback;

    TemplateVersionController(ListTemplateVersionsUseCase listVersions, GetTemplateVersionUseCase getVersion,
                              CompareTemplateVersionsUseCase compareVersions, RollbackTemplateUseCase rollback) {
        this.listVersions = listVersions;
        this.getVersion = getVersion;
        this.compareVersions = compareVersions;
        this.rollback = rollback;
    }

    @Get
    @Secured({"SUPER_ADMIN", "ORG_ADMIN", "VIEWER"})
    @Operation(operationId = "listVersions")
    PageResponse<VersionResponse> list(@PathVariable String id, @Nullable @QueryValue String organizationId,
                                       @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size,
                                       Authentication authentication) {
        return PageResponse.of(listVersions.listVersions(Actors.of(authentication),
                QueryValues.organization(organizationId), TemplateId.parse(id), QueryValues.page(page, size)),
                VersionResponse::from);
    }

    @Get("/diff")
    @Secured({"SUPER_ADMIN", "ORG_ADMIN", "VIEWER"})
    @Operation(operationId = "diffVersions")
    VersionDiffResponse diff(@PathVariable String id, @QueryValue String from, @QueryValue String to,
                             @Nullable @QueryValue String organizationId,
                             Authentication authentication) {
        return VersionDiffResponse.from(compareVersions.compareVersions(Actors.of(authentication),
                QueryValues.organization(organizationId), TemplateId.parse(id), number("from", from),
                number("to", to)));
    }

    @Get("/{n}")
    @Secured({"SUPER_ADMIN", "ORG_ADMIN", "VIEWER"})
    @Operation(operationId = "getVersion")
    VersionResponse get(@PathVariable String id, @PathVariable String n, @Nullable @QueryValue String organizationId,
                        Authentication authentication) {
        return VersionResponse.from(getVersion.getVersion(Actors.of(authentication),
                QueryValues.organization(organizationId), TemplateId.parse(id), number("version", n)));
    }

    /** Makes version n current again as a new version; refused (409) where Meta's edit rules would refuse it. */
    @Post("/{n}/rollback")
    @Secured({"SUPER_ADMIN", "ORG_ADMIN"})
    @Operation(operationId = "rollbackToVersion")
    VersionResponse rollback(@PathVariable String id, @PathVariable String n,
                             @Nullable @QueryValue String organizationId, Authentication authentication) {
        return VersionResponse.from(rollback.rollbackTemplate(Actors.of(authentication),
                QueryValues.organization(organizationId), TemplateId.parse(id), number("version", n)));
    }

    /** A version number: 1, 2, ... */
    private static int number(String name, String text) {
        if (text == null || !text.strip().matches("[0-9]{1,9}") || Integer.parseInt(text.strip()) < 1) {
            throw new InvalidValue(name + " must be a version number (1, 2, ...), was '" + text + "'");
        }
        return Integer.parseInt(text.strip());
    }
}
