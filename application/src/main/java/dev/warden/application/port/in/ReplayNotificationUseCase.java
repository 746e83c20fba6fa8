package dev.warden.application.port.in;

import dev.warden.domain.notification.Notification;
import dev.warden.domain.shared.OrganizationId;
import java.util.Optional;
import java.util.UUID;

/** A super admin sends a DEAD or FAILED notification again, with fresh attempts. */
public interface ReplayNotificationUseCase {

    Notification replay(Actor actor, Optional<OrganizationId> organizationId, UUID id);
}
