package dev.warden.bootstrap;

import dev.warden.application.port.out.DeadLetterLog;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs each dead-lettered webhook change at WARN: id, WABA, field and reason; never the payload. */
@Singleton
final class Slf4jDeadLetterLog implements DeadLetterLog {

    private static final Logger LOG = LoggerFactory.getLogger("dev.warden.inbox.DeadLetters");

    @Override
    public void deadLettered(long changeId, String wabaId, String field, String reason) {
        LOG.warn("Webhook change {} ({}, WABA {}) is a dead letter: {}", changeId, field, wabaId, reason);
    }
}
