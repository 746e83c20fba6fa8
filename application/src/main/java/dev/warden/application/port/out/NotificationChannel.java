package dev.warden.application.port.out;

import dev.warden.domain.notification.ChannelKind;
import dev.warden.domain.notification.DeliveryOutcome;
import dev.warden.domain.notification.Notification;
import dev.warden.domain.notification.NotificationPreferences.WhatsAppProvider;
import java.util.Optional;

/**
 * Outgoing port, one adapter per channel kind (two for WhatsApp, one per provider): tries to deliver
 * one notification, never inside a database transaction, and sorts the provider's answer into a
 * {@link DeliveryOutcome}. May be called again for the same notification (at-least-once); the
 * notification's id is what makes a repeat recognisable on the other side.
 */
public interface NotificationChannel {

    ChannelKind kind();

    /** The provider a WHATSAPP channel sends through; empty for the kinds that have one channel. */
    default Optional<WhatsAppProvider> whatsAppProvider() {
        return Optional.empty();
    }

    DeliveryOutcome deliver(Notification notification);
}
