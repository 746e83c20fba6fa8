package dev.warden.application.port.in;

import dev.warden.domain.notification.NotificationStatus;
import java.util.UUID;

/**
 * A send the outbox holds: its notification id and status.
 *
 * @param created false when the idempotency key was seen before and this is the earlier send
 */
public record SendAccepted(UUID id, NotificationStatus status, boolean created) {
}
