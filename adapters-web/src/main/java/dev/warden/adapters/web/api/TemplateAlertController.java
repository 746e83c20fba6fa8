package dev.warden.adapters.web.api;

import dev.warden.adapters.web.security.Actors;
import dev.warden.application.port.in.AcknowledgeTemplateAlertsUseCase;
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

/** Web adapter: admins acknowledge every open alert about a template at once. */
@Controller("/api/v1/templates")
@ExecuteOn(TaskExecutors.BLOCKING)
class TemplateAlertController {

    private final AcknowledgeTemplateAlertsUseCase acknowledgeTemplateAlerts;

    TemplateAlertController(AcknowledgeTemplateAlertsUseCase acknowledgeTemplateAlerts) {
        this.acknowledgeTemplateAlerts = acknowledgeTemplateAlerts;
    }

    @Post("/{id}/acknowledge-alert")
    @Secured({"SUPER_ADMIN", "ORG_ADMIN"})
    @Operation(operationId = "acknowledgeTemplateAlerts")
    AcknowledgedAlertsResponse acknowledge(@PathVariable String id, @Nullable @QueryValue String organizationId,
                                           Authentication authentication) {
        TemplateId templateId = TemplateId.parse(id);
        return new AcknowledgedAlertsResponse(templateId.toString(), acknowledgeTemplateAlerts
                .acknowledgeTemplateAlerts(Actors.of(authentication), QueryValues.organization(organizationId),
                        templateId).stream().map(AlertResponse::from).toList());
    }
}
