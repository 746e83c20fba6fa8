package dev.warden.application.service;

import dev.warden.application.port.in.PurgeWebhookInboxUseCase;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.application.port.out.WebhookInbox;
import java.time.Clock;
import java.time.Duration;

/**
 * Use case implementation: keep the inbox from growing forever. A settled change's idempotency
 * key is what makes Meta's retries harmless, and Meta retries for up to 7 days, so a retention
 * shorter than 8 days is refused: a retry after the key is gone would apply the change again.
 */
public final class PurgeWebhookInboxService implements PurgeWebhookInboxUseCase {

    public static final Duration MINIMUM_RETENTION = Duration.ofDays(8);

    private final WebhookInbox inbox;
    private final UnitOfWork unitOfWork;
    private final Duration retention;
    private final Clock clock;

    public PurgeWebhookInboxService(WebhookInbox inbox, UnitOfWork unitOfWork, Duration retention, Clock clock) {
        if (retention.compareTo(MINIMUM_RETENTION) < 0) {
            throw new IllegalArgumentException("webhook inbox retention must be at least " + MINIMUM_RETENTION.toDays()
                    + " days (Meta retries deliveries for up to 7 days), was " + retention);
        }
        this.inbox = inbox;
        this.unitOfWork = unitOfWork;
        this.retention = retention;
        this.clock = clock;
    }

    @Override
    public int purge() {
        return ChunkedPurge.run(unitOfWork, clock.instant().minus(retention), inbox::purgeSettled);
    }
}
