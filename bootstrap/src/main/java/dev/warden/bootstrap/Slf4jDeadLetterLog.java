package dev.warden.bootstrap;

import dev.warden.application.port.out.DeadLetterLog;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Logs each dead-lettered webhook change at WARN: id, WABA, field and reason, never the payload;
 * with {@code changeId} and {@code deliveryId} in the MDC, so a JSON log line can be found by either.
 */
@Singleton
final class Slf4jDeadLetterLog implements DeadLetterLog {

    private static final Logger LOG = LoggerFactory.getLogger("dev.warden.inbox.DeadLetters");

    @Override
    public void deadLettered(long changeId, long deliveryId, String wabaId, String field, String reason) {
        try (MDC.MDCCloseable change = MDC.putCloseable("changeId", Long.toString(changeId));
             MDC.MDCCloseable delivery = MDC.putCloseable("deliveryId", Long.toString(deliveryId))) {
            LOG.warn("Webhook change {} of delivery {} ({}, WABA {}) is a dead letter: {}", changeId, deliveryId,
                    field, wabaId, reason);
        }
    }
}
