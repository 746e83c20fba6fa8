package dev.warden.bootstrap;

import dev.warden.application.port.in.PurgeWebhookInboxUseCase;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes settled webhook changes older than the retention, hourly. Every instance may run it:
 * the deletes are idempotent and small.
 */
@Singleton
@Requires(property = "warden.inbox.workers.enabled", notEquals = "false")
final class InboxRetention {

    private static final Logger LOG = LoggerFactory.getLogger(InboxRetention.class);

    private final PurgeWebhookInboxUseCase purge;

    InboxRetention(PurgeWebhookInboxUseCase purge) {
        this.purge = purge;
    }

    @Scheduled(fixedDelay = "${warden.inbox.retention.interval:1h}", initialDelay = "5m")
    void purgeSettledChanges() {
        int purged = purge.purge();
        if (purged > 0) {
            LOG.info("Webhook inbox: deleted {} settled changes past the retention", purged);
        }
    }
}
