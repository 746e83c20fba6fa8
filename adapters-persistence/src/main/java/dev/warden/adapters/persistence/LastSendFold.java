package dev.warden.adapters.persistence;

import static dev.warden.adapters.persistence.jooq.Tables.NOTIFICATIONS;
import static dev.warden.adapters.persistence.jooq.Tables.TEMPLATE_LAST_SENDS;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Record3;
import org.jooq.impl.DSL;

/**
 * Keeps a template's last send when its SENT notifications are purged (V26): Meta's archive counts 12 months
 * from it, far beyond the outbox's retention. Runs in the purge's transaction, so a send is never in neither.
 */
final class LastSendFold {

    /** The template a notification's outbound message sends (V18), NULL for alerts and plain texts. */
    static final Field<String> TEMPLATE_ID = DSL.field("({0} -> 'template' ->> 'id')", String.class,
            NOTIFICATIONS.OUTBOUND);

    private LastSendFold() {
    }

    /** Folds the purged rows (organisation, template id or NULL, sent at) into template_last_sends. */
    static void fold(DSLContext dsl, List<Record3<UUID, String, OffsetDateTime>> purged) {
        // Sorted keys: two purging instances lock the rows in one order, never a deadlock.
        Map<String, Object[]> latest = new TreeMap<>();
        for (Record3<UUID, String, OffsetDateTime> row : purged) {
            if (row.value2() == null) {
                continue;
            }
            UUID template = UUID.fromString(row.value2());
            latest.merge(row.value1() + "/" + template, new Object[] {row.value1(), template, row.value3()},
                    (a, b) -> ((OffsetDateTime) a[2]).isAfter((OffsetDateTime) b[2]) ? a : b);
        }
        if (latest.isEmpty()) {
            return;
        }
        List<Query> upserts = new ArrayList<>();
        for (Object[] v : latest.values()) {
            upserts.add(dsl.insertInto(TEMPLATE_LAST_SENDS)
                    .set(TEMPLATE_LAST_SENDS.ORGANIZATION_ID, (UUID) v[0])
                    .set(TEMPLATE_LAST_SENDS.TEMPLATE_ID, (UUID) v[1])
                    .set(TEMPLATE_LAST_SENDS.LAST_SENT_AT, (OffsetDateTime) v[2])
                    .onConflict(TEMPLATE_LAST_SENDS.ORGANIZATION_ID, TEMPLATE_LAST_SENDS.TEMPLATE_ID)
                    .doUpdate().set(TEMPLATE_LAST_SENDS.LAST_SENT_AT,
                            DSL.greatest(TEMPLATE_LAST_SENDS.LAST_SENT_AT, DSL.excluded(TEMPLATE_LAST_SENDS.LAST_SENT_AT))));
        }
        dsl.batch(upserts).execute();
    }
}
