package dev.warden.adapters.web.api;

import dev.warden.adapters.web.security.Actors;
import dev.warden.application.port.in.UnarchiveTemplateUseCase;
import dev.warden.application.port.in.UnpauseTemplateUseCase;
import dev.warden.domain.template.TemplateId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;

/** Web adapter: ask Meta to make a paused or archived template sendable again (ADR 0012). */
@Controller("/api/v1/templates")
@Secured({"SUPER_ADMIN", "ORG_ADMIN"})
@ExecuteOn(TaskExecutors.BLOCKING)
class TemplateRecoveryController {

    private final UnpauseTemplateUseCase unpauseTemplate;
    private final UnarchiveTemplateUseCase unarchiveTemplate;

    TemplateRecoveryController(UnpauseTemplateUseCase unpauseTemplate, UnarchiveTemplateUseCase unarchiveTemplate) {
        this.unpauseTemplate = unpauseTemplate;
        this.unarchiveTemplate = unarchiveTemplate;
    }

    /** A template Meta paused during pacing, APPROVED again once Meta accepted. */
    @Post("/{id}/unpause")
    @Operation(operationId = "unpauseTemplate")
    TemplateResponse unpause(@PathVariable String id, @Nullable @QueryValue String organizationId,
                             Authentication authentication) {
        return TemplateResponse.from(unpauseTemplate.unpauseTemplate(Actors.of(authentication),
                QueryValues.organization(organizationId), TemplateId.parse(id)));
    }

    /** An archived template in the status it had before Meta archived it, once Meta accepted. */
    @Post("/{id}/unarchive")
    @Operation(operationId = "unarchiveTemplate")
    TemplateResponse unarchive(@PathVariable String id, @Nullable @QueryValue String organizationId,
                               Authentication authentication) {
        return TemplateResponse.from(unarchiveTemplate.unarchiveTemplate(Actors.of(authentication),
                QueryValues.organization(organizationId), TemplateId.parse(id)));
    }
}
