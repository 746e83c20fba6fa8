package dev.warden.application.service;

import dev.warden.application.port.in.PurgeNotificationsUseCase;
import dev.warden.application.port.out.NotificationOutbox;
import dev.warden.application.port.out.UnitOfWork;
import java.time.Clock;
import java.time.Duration;

/**
 * Use case implementation: keep the outbox from growing forever. Only SENT notifications go: FAILED
 * and DEAD ones wait for a person to replay them, and unsettled ones are still on their way. A
 * notification of an alert still OPEN stays however old it is: its dedupe key is what keeps the
 * escalation check from telling people about that alert a second time.
 */
public final class PurgeSentNotificationsService implements PurgeNotificationsUseCase {

    /** The history and the health route's "last success" read sent notifications: a day at least. */
    public static final Duration MINIMUM_RETENTION = Duration.ofDays(1);

    private final NotificationOutbox outbox;
    private final UnitOfWork unitOfWork;
    private final Duration retention;
    private final Clock clock;

    public PurgeSentNotificationsService(NotificationOutbox outbox, UnitOfWork unitOfWork, Duration retention,
                                         Clock clock) {
        if (retention.compareTo(MINIMUM_RETENTION) < 0) {
            throw new IllegalArgumentException("notification retention must be at least " + MINIMUM_RETENTION.toDays()
                    + " day, was " + retention);
        }
        this.outbox = outbox;
        this.unitOfWork = unitOfWork;
        this.retention = retention;
        this.clock = clock;
    }

    @Override
    public int purge() {
        return ChunkedPurge.run(unitOfWork, clock.instant().minus(retention), outbox::purgeSent);
    }
}
