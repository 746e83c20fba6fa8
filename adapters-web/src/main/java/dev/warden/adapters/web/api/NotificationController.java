package dev.warden.adapters.web.api;

import dev.warden.adapters.web.security.Actors;
import dev.warden.application.port.in.NotificationsUseCase;
import dev.warden.application.port.in.ReplayNotificationUseCase;
import dev.warden.application.port.out.NotificationOutbox;
import dev.warden.domain.notification.ChannelKind;
import dev.warden.domain.notification.NotificationStatus;
import dev.warden.domain.shared.Ids;
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
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.List;

/**
 * Web adapter: what happened to an organisation's notifications — one with its attempts, the
 * history filtered by status and channel, per-channel health — and a super admin's replay of a
 * DEAD or FAILED one.
 */
@Controller("/api/v1/notifications")
@Secured({"SUPER_ADMIN", "ORG_ADMIN", "VIEWER"})
@ExecuteOn(TaskExecutors.BLOCKING)
class NotificationController {

    private final NotificationsUseCase notifications;
    private final ReplayNotificationUseCase replay;

    NotificationController(NotificationsUseCase notifications, ReplayNotificationUseCase replay) {
        this.notifications = notifications;
        this.replay = replay;
    }

    /** One channel's state: when it last delivered, when and how it last failed, what waits. */
    @Serdeable
    record ChannelHealthResponse(String channel, @Nullable Instant lastSuccess, @Nullable Instant lastFailure,
                                 @Nullable String lastError, long backlog, long dead) {

        static ChannelHealthResponse from(NotificationOutbox.ChannelHealth h) {
            return new ChannelHealthResponse(h.channel().name(), h.lastSuccess().orElse(null),
                    h.lastFailure().orElse(null), h.lastError().orElse(null), h.backlog(), h.dead());
        }
    }

    @Get
    @Operation(operationId = "listNotifications")
    PageResponse<NotificationResponse> list(@Nullable @QueryValue String organizationId,
                                            @Nullable @QueryValue String status, @Nullable @QueryValue String channel,
                                            @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size,
                                            Authentication authentication) {
        NotificationOutbox.Filter filter = new NotificationOutbox.Filter(QueryValues.organization(organizationId),
                QueryValues.oneOf("status", status, NotificationStatus.class),
                QueryValues.oneOf("channel", channel, ChannelKind.class));
        return PageResponse.of(notifications.notifications(Actors.of(authentication), filter,
                QueryValues.page(page, size)), NotificationResponse::from);
    }

    /** The organisation's channels, in a wrapper so the answer can grow fields without breaking clients. */
    @Serdeable
    record HealthResponse(List<ChannelHealthResponse> channels) {
    }

    @Get("/health")
    @Operation(operationId = "notificationHealth")
    HealthResponse health(@Nullable @QueryValue String organizationId, Authentication authentication) {
        return new HealthResponse(notifications.health(Actors.of(authentication),
                QueryValues.organization(organizationId)).stream().map(ChannelHealthResponse::from).toList());
    }

    @Get("/{id}")
    @Operation(operationId = "getNotification")
    NotificationResponse get(@PathVariable String id, @Nullable @QueryValue String organizationId,
                             Authentication authentication) {
        NotificationsUseCase.NotificationDetail detail = notifications.notification(Actors.of(authentication),
                QueryValues.organization(organizationId), Ids.parseUuid("id", id));
        return NotificationResponse.from(detail.notification(), detail.delivery());
    }

    @Post("/{id}/replay")
    @Operation(operationId = "replayNotification")
    @Secured("SUPER_ADMIN")
    NotificationResponse replay(@PathVariable String id, @Nullable @QueryValue String organizationId,
                                Authentication authentication) {
        return NotificationResponse.from(replay.replay(Actors.of(authentication),
                QueryValues.organization(organizationId), Ids.parseUuid("id", id)));
    }
}
