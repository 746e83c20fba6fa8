package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.NotificationNotFound;
import dev.warden.application.port.in.ReplayNotificationUseCase;
import dev.warden.application.port.out.NotificationOutbox;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.notification.Notification;
import dev.warden.domain.notification.RetryPolicy;
import dev.warden.domain.shared.InvalidValue;
import dev.warden.domain.shared.OrganizationId;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/** Use case implementation: a super admin sends a DEAD or FAILED notification again, with fresh attempts. */
public final class ReplayNotificationService implements ReplayNotificationUseCase {

    private final NotificationOutbox outbox;
    private final UnitOfWork unitOfWork;
    private final RetryPolicy retryPolicy;
    private final Clock clock;

    public ReplayNotificationService(NotificationOutbox outbox, UnitOfWork unitOfWork, RetryPolicy retryPolicy,
                                     Clock clock) {
        this.outbox = outbox;
        this.unitOfWork = unitOfWork;
        this.retryPolicy = retryPolicy;
        this.clock = clock;
    }

    @Override
    public Notification replay(Actor actor, Optional<OrganizationId> organizationId, UUID id) {
        actor.requireSuperAdmin();
        return unitOfWork.inTransaction(() -> {
            OrganizationId organization = Scopes.of(actor, organizationId, () -> outbox.ownerOf(id),
                    () -> new NotificationNotFound(id));
            Notification found = outbox.find(organization, id).orElseThrow(() -> new NotificationNotFound(id));
            if (!outbox.replay(organization, id, clock.instant(), retryPolicy.maxAttempts(found.channel()))) {
                throw new InvalidValue("notification " + id + " is " + found.status()
                        + "; only a DEAD or FAILED notification is replayed");
            }
            return outbox.find(organization, id).orElseThrow(() -> new NotificationNotFound(id));
        });
    }
}
