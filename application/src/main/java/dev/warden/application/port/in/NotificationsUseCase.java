package dev.warden.application.port.in;

import dev.warden.application.port.out.NotificationOutbox;
import dev.warden.domain.notification.Notification;
import dev.warden.domain.sending.SendDelivery;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.shared.Page;
import dev.warden.domain.shared.PageRequest;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What happened to an organisation's notifications: one with its attempts, the history, per-channel health. */
public interface NotificationsUseCase {

    /**
     * A notification and, for a customer send the provider reported on, what its status reports said
     * (delivered, read, failed after acceptance, pricing).
     */
    record NotificationDetail(Notification notification, Optional<SendDelivery> delivery) {
    }

    /** @throws NotificationNotFound also for another organisation's */
    NotificationDetail notification(Actor actor, Optional<OrganizationId> organizationId, UUID id);

    Page<Notification> notifications(Actor actor, NotificationOutbox.Filter filter, PageRequest page);

    List<NotificationOutbox.ChannelHealth> health(Actor actor, Optional<OrganizationId> organizationId);
}
