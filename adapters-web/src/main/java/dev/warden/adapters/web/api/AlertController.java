package dev.warden.adapters.web.api;

import dev.warden.adapters.web.security.Actors;
import dev.warden.application.port.in.AcknowledgeAlertUseCase;
import dev.warden.application.port.in.ListAlertsUseCase;
import dev.warden.domain.alert.AlertFilter;
import dev.warden.domain.alert.AlertId;
import dev.warden.domain.alert.AlertSeverity;
import dev.warden.domain.alert.AlertSortField;
import dev.warden.domain.alert.AlertState;
import dev.warden.domain.alert.AlertType;
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
import io.swagger.v3.oas.annotations.Parameter;

/** Web adapter: alerts, newest first, by state, severity, type and template; admins acknowledge them. */
@Controller("/api/v1/alerts")
@ExecuteOn(TaskExecutors.BLOCKING)
class AlertController {

    private static final String SORT = "Order of the list: one of lastRaisedAt, createdAt, severity, state, type, "
            + "count; a leading '-' sorts descending (sort=-severity). Severities, states and types sort in the "
            + "order the schema lists them (severity from INFO to CRITICAL); ties by id. Without it: last raised "
            + "first.";

    private final ListAlertsUseCase listAlerts;
    private final AcknowledgeAlertUseCase acknowledgeAlert;

    AlertController(ListAlertsUseCase listAlerts, AcknowledgeAlertUseCase acknowledgeAlert) {
        this.listAlerts = listAlerts;
        this.acknowledgeAlert = acknowledgeAlert;
    }

    @Get
    @Secured({"SUPER_ADMIN", "ORG_ADMIN", "VIEWER"})
    @Operation(operationId = "listAlerts")
    PageResponse<AlertResponse> list(@Nullable @QueryValue String organizationId, @Nullable @QueryValue String state,
                                     @Nullable @QueryValue String severity, @Nullable @QueryValue String type,
                                     @Nullable @QueryValue String templateId, @Nullable @QueryValue Integer page,
                                     @Nullable @QueryValue Integer size,
                                     @Parameter(description = SORT) @Nullable @QueryValue String sort,
                                     Authentication authentication) {
        AlertFilter filter = new AlertFilter(QueryValues.organization(organizationId),
                QueryValues.oneOf("state", state, AlertState.class),
                QueryValues.oneOf("severity", severity, AlertSeverity.class),
                QueryValues.oneOf("type", type, AlertType.class), QueryValues.template(templateId))
                .withSort(QueryValues.sort(sort, AlertSortField.class));
        return PageResponse.of(listAlerts.listAlerts(Actors.of(authentication), filter, QueryValues.page(page, size)),
                AlertResponse::from);
    }

    @Post("/{id}/acknowledge")
    @Secured({"SUPER_ADMIN", "ORG_ADMIN"})
    @Operation(operationId = "acknowledgeAlert")
    AlertResponse acknowledge(@PathVariable String id, @Nullable @QueryValue String organizationId,
                              Authentication authentication) {
        return AlertResponse.from(acknowledgeAlert.acknowledgeAlert(Actors.of(authentication),
                QueryValues.organization(organizationId), AlertId.parse(id)));
    }
}
