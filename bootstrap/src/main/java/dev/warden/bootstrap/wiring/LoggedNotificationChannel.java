package dev.warden.bootstrap.wiring;

import dev.warden.application.port.out.NotificationChannel;
import dev.warden.domain.notification.ChannelKind;
import dev.warden.domain.notification.DeliveryOutcome;
import dev.warden.domain.notification.Notification;
import dev.warden.domain.notification.NotificationPreferences.WhatsAppProvider;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * A channel whose every try is logged with the notification's id in the MDC ({@code notificationId},
 * {@code organizationId}), as is whatever the channel itself logs meanwhile: a sent one at DEBUG, a
 * try that will be repeated at INFO, a refusal for good at WARN. The recipient is not logged (an
 * address, a number or a Slack URL, which is a credential); the provider's error is, as stored.
 */
final class LoggedNotificationChannel implements NotificationChannel {

    private static final Logger LOG = LoggerFactory.getLogger("dev.warden.notify.Dispatch");

    private final NotificationChannel channel;

    LoggedNotificationChannel(NotificationChannel channel) {
        this.channel = channel;
    }

    @Override
    public ChannelKind kind() {
        return channel.kind();
    }

    @Override
    public Optional<WhatsAppProvider> whatsAppProvider() {
        return channel.whatsAppProvider();
    }

    @Override
    public DeliveryOutcome deliver(Notification notification) {
        try (MDC.MDCCloseable id = MDC.putCloseable("notificationId", notification.id().toString());
             MDC.MDCCloseable organization = MDC.putCloseable("organizationId",
                     notification.organizationId().value().toString())) {
            DeliveryOutcome outcome = channel.deliver(notification);
            String what = "Notification " + notification.id() + " (" + notification.channel() + ", try "
                    + notification.attempts() + ")";
            if (outcome instanceof DeliveryOutcome.Sent) {
                LOG.debug("{} sent", what);
            } else if (outcome instanceof DeliveryOutcome.Retryable retryable) {
                LOG.info("{} failed, to be tried again: {}", what, retryable.error());
            } else if (outcome instanceof DeliveryOutcome.Permanent permanent) {
                LOG.warn("{} refused for good: {}", what, permanent.error());
            }
            return outcome;
        }
    }
}
