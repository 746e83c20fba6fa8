package dev.warden.adapters.web.api;

import dev.warden.adapters.web.security.Actors;
import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.NotificationPreferencesUseCase;
import dev.warden.application.port.in.SaveNotificationPreferencesUseCase;
import dev.warden.domain.shared.InvalidValue;
import dev.warden.domain.shared.OrganizationId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;

/**
 * Web adapter: who hears of an organisation's alerts. Everyone of the organisation reads the
 * preferences (the Slack URL masked); its ORG_ADMIN replaces them; a super admin names the
 * organisation with {@code ?organizationId=}.
 */
@Controller("/api/v1/notification-preferences")
@Secured({"SUPER_ADMIN", "ORG_ADMIN", "VIEWER"})
@ExecuteOn(TaskExecutors.BLOCKING)
class NotificationPreferencesController {

    private final NotificationPreferencesUseCase preferences;
    private final SaveNotificationPreferencesUseCase save;

    NotificationPreferencesController(NotificationPreferencesUseCase preferences,
                                      SaveNotificationPreferencesUseCase save) {
        this.preferences = preferences;
        this.save = save;
    }

    @Get
    @Operation(operationId = "getNotificationPreferences")
    PreferencesBody get(@Nullable @QueryValue String organizationId, Authentication authentication) {
        return PreferencesBody.from(preferences.preferences(Actors.of(authentication), QueryValues.organization(organizationId)));
    }

    @Put
    @Operation(operationId = "saveNotificationPreferences")
    @Secured({"SUPER_ADMIN", "ORG_ADMIN"})
    PreferencesBody put(@Nullable @QueryValue String organizationId, @Nullable @Body PreferencesBody body,
                        Authentication authentication) {
        if (body == null) {
            throw new InvalidValue("a body with the preferences is required");
        }
        Actor actor = Actors.of(authentication);
        OrganizationId organization = actor.organizationFor(QueryValues.organization(organizationId));
        return PreferencesBody.from(save.save(actor, body.toDomain(organization)));
    }
}
