package dev.warden.adapters.persistence;

import static dev.warden.adapters.persistence.jooq.Tables.WEBHOOK_CHANGES;
import static dev.warden.adapters.persistence.jooq.Tables.WEBHOOK_CHANGE_STATES;
import static dev.warden.adapters.persistence.jooq.Tables.WEBHOOK_DELIVERIES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.application.port.out.DeliveryNotStored;
import dev.warden.application.port.out.NewInboxChange;
import dev.warden.application.port.out.UnitOfWork;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.impl.DataSourceConnectionProvider;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.ThreadLocalTransactionProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Group commit on PostgreSQL: what the database refuses in one delivery stays with that delivery; the writer outlives any failure. */
class GroupCommitDeliveryStoreIT {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final String WABA = "102290129340398";
    private static final String STATUS = "message_template_status_update";

    private DSLContext dsl;
    private UnitOfWork transactions;
    private GroupCommitDeliveryStore deliveries;

    @BeforeEach
    void setUp() {
        TestDatabase.emptyDatabase().execute("TRUNCATE webhook_change_states, webhook_changes, webhook_deliveries CASCADE");
        // Real transactions, as in production: jOOQ binds the connection to the thread for the transaction.
        dsl = new DefaultConfiguration().set(SQLDialect.POSTGRES)
                .set(new ThreadLocalTransactionProvider(new DataSourceConnectionProvider(TestDatabase.dataSource()))).dsl();
        transactions = new UnitOfWork() {
            @Override
            public <T> T inTransaction(Supplier<T> work) {
                return dsl.transactionResult(() -> work.get());
            }
        };
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        if (deliveries != null) {
            deliveries.close();
        }
    }

    private static NewInboxChange change(String key, String waba, String field, Instant time, String value) {
        return new NewInboxChange(key, "whatsapp_business_account", waba, field, time, value);
    }

    private static NewInboxChange good(String key) {
        return change(key, WABA, STATUS, T0, "{\"event\":\"APPROVED\",\"message_template_id\":1}");
    }

    /**
     * ADR 0032: the writer's inserts plan generically. Production's connections plan every statement afresh
     * ({@code force_custom_plan}, set when each is opened, as each transaction here sets it first); what the writer
     * runs in its transaction leaves it planning generically (that it ends with the transaction is shown for the inbox,
     * in JooqWebhookInboxIT).
     */
    @Test
    void the_writer_lets_its_transaction_plan_generically() {
        List<String> planModes = new java.util.concurrent.CopyOnWriteArrayList<>();
        deliveries = new GroupCommitDeliveryStore(dsl, new UnitOfWork() {
            @Override
            public <T> T inTransaction(Supplier<T> work) {
                return dsl.transactionResult(() -> {
                    dsl.execute("SET LOCAL plan_cache_mode = force_custom_plan");
                    T result = work.get();
                    planModes.add(String.valueOf(dsl.fetchValue("SELECT current_setting('plan_cache_mode')")));
                    return result;
                });
            }
        });

        deliveries.store(new byte[] {'{', '}'}, "sha256=x", T0, null, List.of(good("one"))).toCompletableFuture()
                .join();

        assertThat(planModes).containsExactly("auto");
    }

    @Test
    void what_the_database_refuses_in_one_delivery_fails_no_other_delivery_of_its_group() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger transactionsSeen = new AtomicInteger();
        // The first transaction waits until every delivery below is queued, so they are committed as one group.
        deliveries = new GroupCommitDeliveryStore(dsl, firstTransactionWaitsFor(release, transactionsSeen));
        List<List<NewInboxChange>> group = List.of(
                List.of(good("good-1")),
                List.of(change("nul", WABA, STATUS, T0, "{\"event\":\"a\\u0000b\",\"message_template_id\":2}")),
                List.of(change("future", WABA, STATUS, Instant.ofEpochSecond(1_000_000_000_000_000L / 1000), "{}"),
                        good("good-2")),
                List.of(change("past", WABA, STATUS, Instant.ofEpochSecond(-1_000_000_000_000_000L), "{}")),
                List.of(change("long-field", WABA, "f".repeat(500), T0, "{}")),
                List.of(change("long-waba", "9".repeat(500), STATUS, T0, "{}")),
                // Nothing checks this before the insert: jsonb refuses it, and only its own delivery notices.
                List.of(change("not-json", WABA, STATUS, T0, "{\"event\":")),
                List.of(good("good-3")));
        // No request waits for the commit: every call returns at once, its stage completing once committed.
        CompletableFuture<Long> blocker = stage(List.of(good("first")));
        while (transactionsSeen.get() == 0) {
            Thread.onSpinWait();
        }
        List<CompletableFuture<Long>> stored = new ArrayList<>();
        for (List<NewInboxChange> changes : group) {
            stored.add(stage(changes));
        }
        assertThat(deliveries.waiting()).isEqualTo(group.size());
        assertThat(stored).noneMatch(CompletableFuture::isDone);
        release.countDown();

        assertThat(blocker.get()).isPositive();
        for (CompletableFuture<Long> delivery : stored) {
            assertThat(delivery.get()).isPositive();
        }
        // Each request got the id of its own delivery, the one its changes belong to.
        assertThat(row("good-1").get(WEBHOOK_CHANGES.DELIVERY_ID)).isEqualTo(stored.get(0).get());
        assertThat(row("good-2").get(WEBHOOK_CHANGES.DELIVERY_ID)).isEqualTo(stored.get(2).get());
        assertThat(row("good-3").get(WEBHOOK_CHANGES.DELIVERY_ID)).isEqualTo(stored.get(7).get());
        assertThat(row("first").get(WEBHOOK_CHANGES.DELIVERY_ID)).isEqualTo(blocker.get());

        assertThat(dsl.fetchCount(WEBHOOK_DELIVERIES)).isEqualTo(group.size() + 1);
        assertThat(dsl.fetchCount(WEBHOOK_CHANGES)).isEqualTo(10);
        assertThat(dsl.fetchCount(WEBHOOK_CHANGE_STATES, WEBHOOK_CHANGE_STATES.STATE.eq("PENDING"))).isEqualTo(10);
        assertThat(row("good-2").get(WEBHOOK_CHANGES.PAYLOAD).data()).contains("APPROVED");
        assertThat(row("good-2").get(WEBHOOK_CHANGES.ENTRY_TIME)).isNotNull();
        assertThat(standIn("nul")).contains("NUL").contains("a\\\\u0000b");
        assertThat(standIn("future")).contains("outside the years 1 to 9999");
        assertThat(standIn("past")).contains("outside the years 1 to 9999");
        assertThat(standIn("long-field")).contains("field is 500 characters long");
        assertThat(row("long-field").get(WEBHOOK_CHANGES.FIELD)).isNull();
        assertThat(row("long-field").get(WEBHOOK_CHANGES.WABA_ID)).as("still routed to its organisation").isEqualTo(WABA);
        assertThat(standIn("long-waba")).contains("entry.id is 500 characters long").contains("9".repeat(500));
        assertThat(standIn("not-json")).contains("PostgreSQL refused the change").contains("{\\\"event\\\":");
    }

    @Test
    void the_writer_outlives_an_error_in_one_group() {
        AtomicInteger calls = new AtomicInteger();
        deliveries = new GroupCommitDeliveryStore(dsl, new UnitOfWork() {
            @Override
            public <T> T inTransaction(Supplier<T> work) {
                if (calls.getAndIncrement() == 0) {
                    throw new OutOfMemoryError("simulated: the first group fails with an Error");
                }
                return transactions.inTransaction(work);
            }
        });

        assertThatThrownBy(() -> store(List.of(good("lost")))).isInstanceOf(DeliveryNotStored.class)
                .hasCauseInstanceOf(OutOfMemoryError.class);
        assertThat(store(List.of(good("kept")))).isPositive();
        assertThat(deliveries.isWriting()).isTrue();
        assertThat(dsl.fetchCount(WEBHOOK_CHANGES)).isEqualTo(1);
    }

    @Test
    void a_stopped_writer_refuses_deliveries_at_once_and_says_so() throws InterruptedException {
        deliveries = new GroupCommitDeliveryStore(dsl, transactions);
        deliveries.close();

        assertThat(deliveries.isWriting()).isFalse();
        assertThatThrownBy(() -> store(List.of(good("late")))).isInstanceOf(DeliveryNotStored.class)
                .hasMessageContaining("not accepting");
    }

    @Test
    void a_full_queue_refuses_the_next_delivery_at_once_and_loses_none_it_took() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger transactionsSeen = new AtomicInteger();
        deliveries = new GroupCommitDeliveryStore(dsl, firstTransactionWaitsFor(release, transactionsSeen));
        List<CompletableFuture<Long>> taken = new ArrayList<>();
        taken.add(stage(List.of(good("first"))));
        while (transactionsSeen.get() == 0) {
            Thread.onSpinWait();
        }
        for (int i = 0; i < GroupCommitDeliveryStore.QUEUE_SIZE; i++) {
            taken.add(stage(List.of(good("queued-" + i))));
        }

        assertThatThrownBy(() -> store(List.of(good("one-too-many")))).isInstanceOf(DeliveryNotStored.class)
                .hasMessageContaining(GroupCommitDeliveryStore.QUEUE_SIZE + " deliveries are waiting");
        release.countDown();
        for (CompletableFuture<Long> delivery : taken) {
            assertThat(delivery.get()).isPositive();
        }
        assertThat(dsl.fetchCount(WEBHOOK_CHANGES)).isEqualTo(taken.size());
        assertThat(store(List.of(good("later")))).as("taken again once there is room").isPositive();
    }

    @Test
    @Timeout(60)
    void a_delivery_whose_wait_ran_out_is_refused_and_never_written_later() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger transactionsSeen = new AtomicInteger();
        deliveries = new GroupCommitDeliveryStore(dsl, firstTransactionWaitsFor(release, transactionsSeen),
                Duration.ofSeconds(2));
        CompletableFuture<Long> first = stage(List.of(good("first")));
        while (transactionsSeen.get() == 0) {
            assertThat(first).as("taken by the writer within its wait").isNotDone();
            Thread.onSpinWait();
        }
        CompletableFuture<Long> late = stage(List.of(good("late")));

        assertThatThrownBy(late::join).hasCauseInstanceOf(DeliveryNotStored.class)
                .hasMessageContaining("took longer than 2000 ms");
        release.countDown();
        assertThat(store(List.of(good("after")))).as("the queue moves on").isPositive();
        assertThat(first).as("taken by the writer before its wait ran out").isCompletedExceptionally();
        assertThat(dsl.fetchValues(WEBHOOK_CHANGES.IDEMPOTENCY_KEY))
                .as("the writer had taken the first before its wait ran out; the late one, answered 503, is left to"
                        + " Meta's retry").containsExactlyInAnyOrder("first", "after");
        assertThat(dsl.fetchCount(WEBHOOK_DELIVERIES)).isEqualTo(2);
    }

    private CompletableFuture<Long> stage(List<NewInboxChange> changes) {
        return deliveries.store("{}".getBytes(StandardCharsets.UTF_8), "sha256=x", T0, null, changes)
                .toCompletableFuture();
    }

    /** The delivery's id once committed, or the stage's failure ({@link DeliveryNotStored}) thrown as it is. */
    private long store(List<NewInboxChange> changes) {
        try {
            return stage(changes).join();
        } catch (CompletionException e) {
            throw (RuntimeException) e.getCause();
        }
    }

    private Record row(String key) {
        return dsl.selectFrom(WEBHOOK_CHANGES).where(WEBHOOK_CHANGES.IDEMPOTENCY_KEY.eq(key)).fetchSingle();
    }

    private String standIn(String key) {
        Record row = row(key);
        assertThat(dsl.fetchValue(WEBHOOK_CHANGE_STATES.STATE,
                WEBHOOK_CHANGE_STATES.CHANGE_ID.eq(row.get(WEBHOOK_CHANGES.ID)))).isEqualTo("PENDING");
        assertThat(row.get(WEBHOOK_CHANGES.ENTRY_TIME)).isNull();
        String payload = row.get(WEBHOOK_CHANGES.PAYLOAD).data();
        assertThat(payload).startsWith("{\"" + NewInboxChange.UNSTORABLE + "\"");
        return payload;
    }

    /** Real transactions, the first of which waits for {@code release} once it has begun (counted in {@code seen}). */
    private UnitOfWork firstTransactionWaitsFor(CountDownLatch release, AtomicInteger seen) {
        return new UnitOfWork() {
            @Override
            public <T> T inTransaction(Supplier<T> work) {
                if (seen.getAndIncrement() == 0) {
                    awaitQuietly(release);
                }
                return transactions.inTransaction(work);
            }
        };
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
