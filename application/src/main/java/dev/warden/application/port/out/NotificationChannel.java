package dev.warden.application.port.out;

import dev.warden.domain.notification.ChannelKind;
import dev.warden.domain.notification.DeliveryOutcome;
import dev.warden.domain.notification.Notification;

/**
 * Outgoing port, one adapter per channel kind: tries to deliver one notification, never inside a
 * database transaction, and sorts the provider's answer into a {@link DeliveryOutcome}. May be
 * called again for the same notification (at-least-once); the notification's id is what makes a
 * repeat recognisable on the other side.
 */
public interface NotificationChannel {

    ChannelKind kind();

    DeliveryOutcome deliver(Notification notification);
}
