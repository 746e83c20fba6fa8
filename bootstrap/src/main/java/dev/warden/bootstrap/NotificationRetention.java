package dev.warden.bootstrap;

import dev.warden.application.port.in.PurgeNotificationsUseCase;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes sent notifications older than the retention, hourly. Every instance may run it: the
 * deletes are idempotent and small.
 */
@Singleton
@Requires(property = "warden.notify.workers.enabled", notEquals = "false")
final class NotificationRetention {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationRetention.class);

    private final PurgeNotificationsUseCase purge;

    NotificationRetention(PurgeNotificationsUseCase purge) {
        this.purge = purge;
    }

    @Scheduled(fixedDelay = "${warden.notify.retention.interval:1h}", initialDelay = "5m")
    void purgeSentNotifications() {
        int purged = purge.purge();
        if (purged > 0) {
            LOG.info("Notification outbox: deleted {} sent notifications past the retention", purged);
        }
    }
}
