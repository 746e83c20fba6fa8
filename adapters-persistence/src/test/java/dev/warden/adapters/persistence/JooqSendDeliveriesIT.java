package dev.warden.adapters.persistence;

import static dev.warden.adapters.persistence.jooq.Tables.NOTIFICATIONS;

import dev.warden.domain.fixtures.SendDeliveriesContract;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jooq.DSLContext;
import org.jooq.JSONB;

/** The jOOQ status reports' upserts merge as the domain's rule does, on a real PostgreSQL. */
class JooqSendDeliveriesIT extends SendDeliveriesContract {

    @Override
    protected Stores stores() {
        DSLContext dsl = TestDatabase.emptyDatabase();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return new Stores(new JooqOrganizationRepository(dsl), new JooqSendDeliveries(dsl),
                (organization, id, wamid, message) -> dsl.insertInto(NOTIFICATIONS)
                        .set(NOTIFICATIONS.ORGANIZATION_ID, organization.value())
                        .set(NOTIFICATIONS.ID, id)
                        .set(NOTIFICATIONS.DEDUPE_KEY, "event:" + id)
                        .set(NOTIFICATIONS.CHANNEL, "WHATSAPP")
                        .set(NOTIFICATIONS.RECIPIENT, message.recipient().value())
                        .set(NOTIFICATIONS.MESSAGE, JSONB.valueOf("{\"title\":\"t\",\"text\":\"x\",\"fields\":{}}"))
                        .set(NOTIFICATIONS.STATUS, "SENT")
                        .set(NOTIFICATIONS.ATTEMPTS, 1)
                        .set(NOTIFICATIONS.MAX_ATTEMPTS, 3)
                        .set(NOTIFICATIONS.CREATED_AT, now)
                        .set(NOTIFICATIONS.NEXT_ATTEMPT_AT, now)
                        .set(NOTIFICATIONS.UPDATED_AT, now)
                        .set(NOTIFICATIONS.PROVIDER_MESSAGE_ID, wamid)
                        .set(NOTIFICATIONS.OUTBOUND, OutboundJson.write(message))
                        .execute());
    }
}
