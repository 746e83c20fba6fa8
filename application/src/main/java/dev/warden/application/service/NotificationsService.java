package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.NotificationNotFound;
import dev.warden.application.port.in.NotificationsUseCase;
import dev.warden.application.port.out.NotificationOutbox;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.notification.Notification;
import dev.warden.domain.sending.SendDeliveryRepository;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.shared.Page;
import dev.warden.domain.shared.PageRequest;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Use case implementation: an organisation's notifications, read by its people. */
public final class NotificationsService implements NotificationsUseCase {

    private final NotificationOutbox outbox;
    private final SendDeliveryRepository deliveries;
    private final UnitOfWork unitOfWork;

    public NotificationsService(NotificationOutbox outbox, SendDeliveryRepository deliveries, UnitOfWork unitOfWork) {
        this.outbox = outbox;
        this.deliveries = deliveries;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public NotificationDetail notification(Actor actor, Optional<OrganizationId> organizationId, UUID id) {
        return unitOfWork.inTransaction(() -> {
            OrganizationId organization = Scopes.of(actor, organizationId, () -> outbox.ownerOf(id),
                    () -> new NotificationNotFound(id));
            Notification notification = outbox.find(organization, id).orElseThrow(() -> new NotificationNotFound(id));
            return new NotificationDetail(notification, notification.outbound().isPresent()
                    ? deliveries.find(organization, id) : Optional.empty());
        });
    }

    @Override
    public Page<Notification> notifications(Actor actor, NotificationOutbox.Filter filter, PageRequest page) {
        NotificationOutbox.Filter scoped = new NotificationOutbox.Filter(actor.readScope(filter.organizationId()),
                filter.status(), filter.channel());
        return unitOfWork.inTransaction(() -> outbox.list(scoped, page));
    }

    @Override
    public List<NotificationOutbox.ChannelHealth> health(Actor actor, Optional<OrganizationId> organizationId) {
        OrganizationId organization = actor.organizationFor(organizationId);
        return unitOfWork.inTransaction(() -> outbox.health(organization));
    }
}
