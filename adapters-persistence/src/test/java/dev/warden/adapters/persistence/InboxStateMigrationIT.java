package dev.warden.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.application.port.out.InboxChange;
import dev.warden.domain.organization.WabaId;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.shared.PageRequest;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** V30 moves each inbox change's state into webhook_change_states: an inbox in every state reads the same after it. */
class InboxStateMigrationIT {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final UUID ORG = UUID.randomUUID();

    @Test
    void changes_in_every_state_are_claimed_listed_and_purged_as_before() throws SQLException {
        PGSimpleDataSource database = TestDatabase.databaseAtVersion("29");
        DSLContext dsl = DSL.using(database, SQLDialect.POSTGRES);
        dsl.execute("INSERT INTO organizations (id, name, auto_resume_campaigns, created_at)"
                + " VALUES (?, 'Acme', true, '2026-11-01 00:00+00')", ORG);
        long delivery = dsl.resultQuery("INSERT INTO webhook_deliveries (received_at, body, state)"
                + " VALUES ('2026-11-01 00:00+00', '\\x7b7d', 'SPLIT') RETURNING id").fetchOne(0, Long.class);
        long pending = v29Change(dsl, delivery, "pending", "111", "PENDING", 2, null, null, null);
        long done = v29Change(dsl, delivery, "done", "111", "DONE", 0, ORG, "applied", "2026-11-01 00:00:01+00");
        long dead = v29Change(dsl, delivery, "dead", "222", "DEAD", 5, null, null, "2026-11-01 00:00:02+00");
        v29Change(dsl, delivery, "unroutable", "333", "UNROUTABLE", 0, null, "no organisation", null);
        v29Change(dsl, delivery, "ignored", "111", "IGNORED", 0, null, "not a template", "2026-11-01 00:00:03+00");
        dsl.execute("INSERT INTO whatsapp_accounts (organization_id, waba_id, name, registered_at)"
                + " VALUES (?, '333', 'Late', '2026-11-01 00:00+00')", ORG);

        List<List<Object>> before = states(dsl, "id", "webhook_changes");

        TestDatabase.migrateToLatest(database);

        assertThat(states(dsl, "change_id", "webhook_change_states")).as("every column of every state, as it was")
                .isEqualTo(before);
        JooqWebhookInbox inbox = new JooqWebhookInbox(dsl);
        assertThat(inbox.backlog().pending()).isEqualTo(1);
        assertThat(inbox.backlog().dead()).isEqualTo(1);
        assertThat(inbox.backlog().unroutable()).isEqualTo(1);
        assertThat(inbox.claimDueChanges(T0.plusSeconds(60), 10)).singleElement().satisfies(change -> {
            assertThat(change.id()).isEqualTo(pending);
            assertThat(change.attempts()).isEqualTo(2);
            assertThat(change.value()).contains("pending");
        });
        assertThat(inbox.deadLetters(new PageRequest(0, 10)).items()).singleElement().satisfies(letter -> {
            assertThat(letter.id()).isEqualTo(dead);
            assertThat(letter.attempts()).isEqualTo(5);
            assertThat(letter.lastError()).isEqualTo("error of dead");
        });
        assertThat(new JooqWebhookGaps(dsl).lastWebhookReceived(new OrganizationId(ORG),
                new WabaId("111"))).contains(T0);
        assertThat(inbox.unroutableWabas(10)).containsExactly(new WabaId("333"));
        assertThat(inbox.requeueUnroutable(new WabaId("333"), T0)).isEqualTo(1);
        assertThat(inbox.claimDueChanges(T0.plusSeconds(60), 10)).extracting(InboxChange::wabaId)
                .containsExactlyInAnyOrder("111", "333");

        assertThat(inbox.purgeSettled(T0.plus(Duration.ofDays(1)), 100)).as("the done and the ignored").isEqualTo(2);
        assertThat(dsl.fetchCount(DSL.table("webhook_changes"), DSL.field("id").eq(done))).isZero();
        assertThat(dsl.fetchCount(DSL.table("webhook_change_states"), DSL.field("change_id").eq(done))).isZero();
        assertThat(dsl.fetchCount(DSL.table("webhook_change_states"))).isEqualTo(3);
    }

    private static List<List<Object>> states(DSLContext dsl, String id, String table) {
        return dsl.resultQuery("SELECT " + id + ", waba_id, state, attempts, next_attempt_at, last_error, outcome,"
                + " organization_id, processed_at FROM " + table + " ORDER BY 1").fetch()
                .map(row -> Arrays.asList(row.intoArray()));
    }

    /** A change as V29 stored it, state and all in one row. */
    private static long v29Change(DSLContext dsl, long delivery, String key, String waba, String state, int attempts,
                                  UUID organization, String outcome, String processedAt) {
        return dsl.resultQuery("INSERT INTO webhook_changes (delivery_id, idempotency_key, waba_id, field, entry_time,"
                        + " payload, organization_id, state, attempts, next_attempt_at, last_error, processed_at,"
                        + " object_type, received_at, outcome) VALUES (?, ?, ?, 'message_template_status_update',"
                        + " '2026-11-01 00:00+00', CAST(? AS jsonb), ?, ?, ?, '2026-11-01 00:00+00', ?,"
                        + " CAST(? AS timestamptz), 'whatsapp_business_account', '2026-11-01 00:00+00', ?)"
                        + " RETURNING id",
                delivery, key, waba, "{\"event\": \"" + key + "\"}", organization, state, attempts,
                "DEAD".equals(state) ? "error of " + key : null, processedAt, outcome).fetchOne(0, Long.class);
    }
}
