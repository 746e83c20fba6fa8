package dev.warden.adapters.web.api;

import dev.warden.adapters.web.security.Actors;
import dev.warden.application.port.in.SubmitTemplateUseCase;
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

/** Web adapter: send a draft to Meta for review (ADR 0009). */
@Controller("/api/v1/templates")
@Secured({"SUPER_ADMIN", "ORG_ADMIN"})
@ExecuteOn(TaskExecutors.BLOCKING)
class TemplateSubmissionController {

    private final SubmitTemplateUseCase submitTemplate;

    TemplateSubmissionController(SubmitTemplateUseCase submitTemplate) {
        this.submitTemplate = submitTemplate;
    }

    /** The template as Meta's answer left it: PENDING (or what Meta said) with Meta's id and category. */
    @Post("/{id}/submit")
    TemplateResponse submit(@PathVariable String id, @Nullable @QueryValue String organizationId,
                            Authentication authentication) {
        return TemplateResponse.from(submitTemplate.submitTemplate(Actors.of(authentication),
                QueryValues.organization(organizationId), TemplateId.parse(id)));
    }
}
