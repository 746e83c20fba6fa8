package dev.warden.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.application.port.out.InboxChange;
import dev.warden.application.port.out.NewInboxChange;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.application.port.out.WebhookInbox;
import dev.warden.domain.organization.Organization;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.shared.PageRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The inbox on PostgreSQL: content keys deduplicate, claims never overlap, retention keeps what matters. */
class JooqWebhookInboxIT {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private DSLContext dsl;
    private GroupCommitDeliveryStore deliveries;
    private JooqWebhookInbox inbox;

    @BeforeEach
    void setUp() {
        dsl = TestDatabase.emptyDatabase();
        dsl.execute("TRUNCATE webhook_change_states, webhook_changes, webhook_deliveries CASCADE");
        UnitOfWork autoCommit = new UnitOfWork() {
            @Override
            public <T> T inTransaction(Supplier<T> work) {
                return work.get();
            }
        };
        deliveries = new GroupCommitDeliveryStore(dsl, autoCommit);
        inbox = new JooqWebhookInbox(dsl);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        deliveries.close();
    }

    private static NewInboxChange change(String key) {
        return new NewInboxChange(key, "whatsapp_business_account", "102290129340398", "message_template_status_update",
                T0, "{\"event\":\"APPROVED\",\"message_template_id\":1}");
    }

    private long deliver(String... keys) {
        return deliveries.store("{}".getBytes(StandardCharsets.UTF_8), "sha256=x", T0, null,
                java.util.Arrays.stream(keys).map(JooqWebhookInboxIT::change).toList()).toCompletableFuture().join();
    }

    @Test
    void a_change_with_a_known_key_is_not_added_twice() {
        deliver("a", "b");
        deliver("b");
        deliver("b", "c");
        deliver("d", "d");

        assertThat(inbox.claimDueChanges(T0, 10)).extracting(InboxChange::id).hasSize(4)
                .containsExactly(idOf("a"), idOf("b"), idOf("c"), idOf("d")).isSorted();
        assertThat(inbox.backlog().pending()).isEqualTo(4);
        assertThat(dsl.fetchCount(DSL.table("webhook_changes"))).isEqualTo(4);
    }

    @Test
    void a_change_reads_back_as_delivered_through_the_claims_and_the_dead_letters() {
        long delivery = deliver("one");
        long id = idOf("one");
        InboxChange expected = new InboxChange(id, delivery, "whatsapp_business_account", "102290129340398",
                "message_template_status_update", T0, "{\"event\": \"APPROVED\", \"message_template_id\": 1}", T0, 0);

        assertThat(inbox.claimDueChanges(T0, 10)).containsExactly(expected);
        inbox.markFailed(id, 1, "first try", T0.plusSeconds(60));
        assertThat(inbox.claimDueChanges(T0.plusSeconds(59), 10)).isEmpty();
        assertThat(inbox.claimChange(id)).contains(withAttempts(expected, 1));
        assertThat(inbox.markDead(id, 2, "second try", T0)).isTrue();
        assertThat(inbox.claimChange(id)).isEmpty();

        assertThat(inbox.deadLetters(new PageRequest(0, 10)).items()).singleElement().satisfies(dead -> {
            assertThat(dead.id()).isEqualTo(id);
            assertThat(dead.deliveryId()).isEqualTo(delivery);
            assertThat(dead.value()).isEqualTo(expected.value());
            assertThat(dead.attempts()).isEqualTo(2);
            assertThat(dead.lastError()).isEqualTo("second try");
        });
        assertThat(inbox.replay(id, T0.plusSeconds(120))).isPresent();
        assertThat(inbox.claimDueChanges(T0.plusSeconds(120), 10)).containsExactly(expected);
        assertThat(inbox.backlog().dead()).isZero();
    }

    private static InboxChange withAttempts(InboxChange change, int attempts) {
        return new InboxChange(change.id(), change.deliveryId(), change.objectType(), change.wabaId(), change.field(),
                change.entryTime(), change.value(), change.receivedAt(), attempts);
    }

    @Test
    void concurrent_claims_take_different_changes() throws Exception {
        for (int i = 0; i < 10; i++) {
            deliver("k" + i);
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch bothClaimed = new CountDownLatch(2);
        try {
            List<Future<List<Long>>> claims = List.of(pool.submit(() -> claimAndHold(bothClaimed)),
                    pool.submit(() -> claimAndHold(bothClaimed)));
            List<Long> first = claims.get(0).get(10, TimeUnit.SECONDS);
            List<Long> second = claims.get(1).get(10, TimeUnit.SECONDS);

            assertThat(first).hasSize(4).doesNotContainAnyElementsOf(second);
            assertThat(second).hasSize(4);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Claims 4 changes in a transaction and holds the locks until the other worker has claimed too. */
    private List<Long> claimAndHold(CountDownLatch bothClaimed) {
        return DSL.using(TestDatabase.dataSource(), SQLDialect.POSTGRES).transactionResult(configuration -> {
            List<Long> ids = new JooqWebhookInbox(configuration.dsl()).claimDueChanges(T0, 4).stream()
                    .map(InboxChange::id).toList();
            bothClaimed.countDown();
            bothClaimed.await(5, TimeUnit.SECONDS);
            return ids;
        });
    }

    @Test
    void retention_deletes_settled_changes_and_their_deliveries_but_keeps_dead_and_unroutable_ones() {
        OrganizationId org = OrganizationId.random();
        new JooqOrganizationRepository(dsl).add(Organization.create(org, "Acme", T0));
        long settled = deliver("done");
        deliver("dead", "unroutable");
        inbox.claimDueChanges(T0, 10);
        long done = idOf("done");
        inbox.markDone(List.of(new WebhookInbox.CompletedChange(done, org, "applied")), T0);
        inbox.markDead(idOf("dead"), 1, "broken", T0);
        inbox.markUnroutable(idOf("unroutable"), T0);

        assertThat(inbox.purgeSettled(T0, 100)).isZero();
        assertThat(inbox.purgeSettled(T0.plus(Duration.ofDays(1)), 100)).isEqualTo(1);

        assertThat(dsl.fetchCount(DSL.table("webhook_changes"))).isEqualTo(2);
        assertThat(dsl.fetchCount(DSL.table("webhook_change_states"))).isEqualTo(2);
        assertThat(dsl.fetchExists(DSL.selectOne().from("webhook_deliveries").where("id = ?", settled))).isFalse();
        assertThat(inbox.backlog().dead()).isEqualTo(1);
        assertThat(inbox.backlog().unroutable()).isEqualTo(1);
    }

    @Test
    void retention_purges_a_state_whose_change_is_gone_and_a_delivery_that_had_no_change() {
        OrganizationId org = OrganizationId.random();
        new JooqOrganizationRepository(dsl).add(Organization.create(org, "Acme", T0));
        deliver("orphaned", "kept");
        long malformed = deliveries.store("not json".getBytes(StandardCharsets.UTF_8), "sha256=x", T0, "not JSON",
                List.of()).toCompletableFuture().join();
        inbox.claimDueChanges(T0, 10);
        inbox.markDone(List.of(new WebhookInbox.CompletedChange(idOf("orphaned"), org, "applied")), T0);
        // What an instance of the version before V31 leaves when it purges: the change gone, its state kept for the
        // cascade that V31 dropped (ADR 0026).
        dsl.execute("DELETE FROM webhook_changes WHERE idempotency_key = 'orphaned'");

        assertThat(inbox.purgeSettled(T0.plus(Duration.ofDays(1)), 100)).as("the orphaned state").isEqualTo(1);

        assertThat(dsl.fetchCount(DSL.table("webhook_change_states"))).as("the pending change's state").isEqualTo(1);
        assertThat(dsl.fetchExists(DSL.selectOne().from("webhook_deliveries").where("id = ?", malformed))).isFalse();
        assertThat(inbox.backlog().pending()).isEqualTo(1);
    }

    @Test
    void a_batch_marked_done_records_each_change_with_its_own_organisation_and_outcome() {
        OrganizationId acme = OrganizationId.random();
        OrganizationId globex = OrganizationId.random();
        new JooqOrganizationRepository(dsl).add(Organization.create(acme, "Acme", T0));
        new JooqOrganizationRepository(dsl).add(Organization.create(globex, "Globex", T0));
        deliver("first", "second", "third", "left");
        inbox.claimDueChanges(T0, 10);

        inbox.markDone(List.of(new WebhookInbox.CompletedChange(idOf("third"), globex, "stale"),
                new WebhookInbox.CompletedChange(idOf("first"), acme, "applied"),
                new WebhookInbox.CompletedChange(idOf("second"), acme, null)), T0.plusSeconds(5));

        assertThat(dsl.fetch("SELECT idempotency_key, state, organization_id, outcome, processed_at"
                + " FROM webhook_changes JOIN webhook_change_states ON change_id = id ORDER BY idempotency_key")
                .map(r -> List.of(r.get(0), r.get(1), String.valueOf(r.get(2)), String.valueOf(r.get(3)),
                        String.valueOf(r.get(4, java.time.OffsetDateTime.class)))))
                .containsExactly(
                        List.of("first", "DONE", acme.value().toString(), "applied", "2026-01-01T00:00:05Z"),
                        List.of("left", "PENDING", "null", "null", "null"),
                        List.of("second", "DONE", acme.value().toString(), "null", "2026-01-01T00:00:05Z"),
                        List.of("third", "DONE", globex.value().toString(), "stale", "2026-01-01T00:00:05Z"));
        assertThat(inbox.backlog().pending()).isEqualTo(1);
    }

    /**
     * ADR 0032: what applies a claimed batch may plan generically, but nothing else does. Production's connections
     * plan every statement afresh ({@code force_custom_plan}, set when each is opened); a claim that took something
     * relaxes that for its own transaction only, so the connection goes back to the pool as it came, whether the
     * batch commits or rolls back.
     */
    @Test
    void a_claim_lets_the_rest_of_its_transaction_plan_generically_and_no_more() throws Exception {
        deliver("a", "b");
        try (java.sql.Connection connection = TestDatabase.dataSource().getConnection()) {
            DSLContext session = DSL.using(connection, SQLDialect.POSTGRES);
            session.execute("SET plan_cache_mode = force_custom_plan");

            session.transaction(configuration -> {
                JooqWebhookInbox inTransaction = new JooqWebhookInbox(configuration.dsl());
                assertThat(inTransaction.claimDueChanges(T0.minusSeconds(1), 10)).isEmpty();
                assertThat(planMode(configuration.dsl())).as("after a claim that took nothing")
                        .isEqualTo("force_custom_plan");
                assertThat(inTransaction.claimDueChanges(T0, 1)).hasSize(1);
                assertThat(planMode(configuration.dsl())).as("after a claim that took a change").isEqualTo("auto");
            });
            assertThat(planMode(session)).as("after the batch's commit").isEqualTo("force_custom_plan");

            List<String> inFailedBatch = new java.util.ArrayList<>();
            assertThatThrownBy(() -> session.transaction(configuration -> {
                inFailedBatch.add(String.valueOf(new JooqWebhookInbox(configuration.dsl()).claimChange(idOf("b"))
                        .isPresent()));
                inFailedBatch.add(planMode(configuration.dsl()));
                throw new IllegalStateException("the change failed");
            })).hasMessage("the change failed");
            assertThat(inFailedBatch).as("claimed by its id, then the plan mode").containsExactly("true", "auto");
            assertThat(planMode(session)).as("after the rollback").isEqualTo("force_custom_plan");
        }
    }

    private static String planMode(DSLContext session) {
        return session.select(DSL.field("current_setting('plan_cache_mode')", String.class)).fetchSingle().value1();
    }

    private long idOf(String key) {
        return dsl.select(DSL.field("id", Long.class)).from("webhook_changes").where("idempotency_key = ?", key)
                .fetchSingle().value1();
    }
}
