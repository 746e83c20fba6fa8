package dev.warden.application.port.out;

import dev.warden.domain.sending.OutboundMessage;
import dev.warden.domain.sending.SendProvider;
import dev.warden.domain.sending.SendResult;
import java.util.UUID;

/**
 * Outgoing port, one adapter per provider: one try at sending a customer message, never inside a
 * database transaction, with the provider's answer sorted into a {@link SendResult}. May be called
 * again for the same notification (at-least-once); the id names it on the provider's side.
 */
public interface MessageSender {

    SendProvider provider();

    SendResult send(UUID notificationId, OutboundMessage message);
}
