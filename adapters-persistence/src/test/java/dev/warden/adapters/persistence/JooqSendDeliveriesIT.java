package dev.warden.adapters.persistence;

import static dev.warden.adapters.persistence.jooq.Tables.NOTIFICATIONS;

import dev.warden.domain.fixtures.SendDeliveriesContract;
import dev.warden.domain.sending.OutboundMessage;
import dev.warden.domain.shared.OrganizationId;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSONB;

/** The jOOQ status reports' upserts merge as the domain's rule does, on a real PostgreSQL. */
class JooqSendDeliveriesIT extends SendDeliveriesContract {

    @Override
    protected Stores stores() {
        DSLContext dsl = TestDatabase.emptyDatabase();
        return new Stores(new JooqOrganizationRepository(dsl), new JooqSendDeliveries(dsl),
                (organization, id, wamid, message) -> store(dsl, organization, id, message, "SENT", wamid,
                        OffsetDateTime.now(ZoneOffset.UTC)),
                (organization, id, message, until) -> store(dsl, organization, id, message, "SENDING", null,
                        until.atOffset(ZoneOffset.UTC)));
    }

    /** The outbox row of a send: claimed (no message id yet) or accepted, which a claimed one then becomes. */
    private static void store(DSLContext dsl, OrganizationId organization, UUID id, OutboundMessage message,
                              String status, String wamid, OffsetDateTime nextAttemptAt) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        dsl.insertInto(NOTIFICATIONS)
                .set(NOTIFICATIONS.ORGANIZATION_ID, organization.value())
                .set(NOTIFICATIONS.ID, id)
                .set(NOTIFICATIONS.DEDUPE_KEY, "event:" + id)
                .set(NOTIFICATIONS.CHANNEL, "WHATSAPP")
                .set(NOTIFICATIONS.RECIPIENT, message.recipient().value())
                .set(NOTIFICATIONS.MESSAGE, JSONB.valueOf("{\"title\":\"t\",\"text\":\"x\",\"fields\":{}}"))
                .set(NOTIFICATIONS.STATUS, status)
                .set(NOTIFICATIONS.ATTEMPTS, 1)
                .set(NOTIFICATIONS.MAX_ATTEMPTS, 3)
                .set(NOTIFICATIONS.CREATED_AT, now)
                .set(NOTIFICATIONS.NEXT_ATTEMPT_AT, nextAttemptAt)
                .set(NOTIFICATIONS.UPDATED_AT, now)
                .set(NOTIFICATIONS.PROVIDER_MESSAGE_ID, wamid)
                .set(NOTIFICATIONS.OUTBOUND, OutboundJson.write(message))
                .onConflict(NOTIFICATIONS.ORGANIZATION_ID, NOTIFICATIONS.ID).doUpdate()
                .set(NOTIFICATIONS.STATUS, status)
                .set(NOTIFICATIONS.PROVIDER_MESSAGE_ID, wamid)
                .execute();
    }
}
