package dev.warden.adapters.persistence;

import static dev.warden.adapters.persistence.jooq.Tables.NOTIFICATIONS;

import dev.warden.application.port.out.NotificationBacklog;
import dev.warden.domain.notification.NotificationStatus;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Persistence adapter: the outbox's backlog, read from the partial index the dispatchers claim with. */
@Singleton
public final class JooqNotificationBacklog implements NotificationBacklog {

    private static final List<String> UNSETTLED = List.of(NotificationStatus.QUEUED.name(),
            NotificationStatus.RETRYING.name(), NotificationStatus.SENDING.name());

    private final DSLContext dsl;

    public JooqNotificationBacklog(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public Backlog backlog() {
        // Both read only notifications_due (V19), however many sent and dead ones the table keeps. Campaign sends
        // are not in it: they wait on purpose (held, or paced by the campaign rate); the campaign shows them.
        var row = dsl.select(DSL.count(), DSL.min(NOTIFICATIONS.NEXT_ATTEMPT_AT)).from(NOTIFICATIONS)
                .where(NOTIFICATIONS.STATUS.in(UNSETTLED), NOTIFICATIONS.CAMPAIGN_ID.isNull()).fetchSingle();
        return new Backlog(row.value1(), Optional.ofNullable(row.value2()).map(Times::fromDb));
    }
}
