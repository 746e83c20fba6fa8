package dev.warden.adapters.persistence;

import static dev.warden.adapters.persistence.jooq.Tables.WEBHOOK_CHANGES;
import static dev.warden.adapters.persistence.jooq.Tables.WEBHOOK_DELIVERIES;

import dev.warden.adapters.persistence.jooq.tables.records.WebhookChangesRecord;
import dev.warden.application.port.out.DeliveryNotStored;
import dev.warden.application.port.out.DeliveryStore;
import dev.warden.application.port.out.NewInboxChange;
import dev.warden.application.port.out.UnitOfWork;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Persistence adapter: stores webhook deliveries, and the changes they were split into, with
 * group commit. Requests hand their delivery to one writer thread, which inserts everything
 * waiting (deliveries in one JDBC batch, changes and their states in one statement that skips
 * known idempotency keys) and commits once, then hands the group to a second thread, which
 * completes each request's stage with its id (and so runs what answers the request) while the
 * writer starts on the next group. Under load a commit (and its WAL flush) serves many requests;
 * alone, a request waits for its own commit only. Nothing is answered before it is committed, and
 * no request thread waits meanwhile (ADR 0027).
 *
 * <p>One delivery never fails another: changes that do not fit the columns are replaced by
 * their stand-ins before the insert ({@link InboxColumns}); if the database still refuses the
 * group's data, every delivery is committed on its own, and one it refuses alone is committed
 * with all its changes as stand-ins. The writer outlives any failure of a group. A delivery whose
 * wait ran out while it queued is not written (its request was answered 503).
 *
 * <p>Every delivery taken is answered exactly once, in the writer's order, and none after the writer
 * ends waits for its timeout.
 *
 * <p>Why it is a little over 300 lines: the queue, the writer's loop, its two statements and the fallbacks that
 * keep one delivery from failing another are one mechanism, whose promise (each delivery taken is written and
 * answered once) is read in one place; the answering thread is apart already ({@link DeliveryAnswers}).
 */
@Singleton
public final class GroupCommitDeliveryStore implements DeliveryStore {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitDeliveryStore.class);

    static final int MAX_BATCH = 256;
    /** Deliveries that may wait for the writer; beyond them a delivery is refused at once (Meta sends it again). */
    static final int QUEUE_SIZE = 8 * MAX_BATCH;
    private static final Field<?>[] CHANGE_COLUMNS = {WEBHOOK_CHANGES.DELIVERY_ID, WEBHOOK_CHANGES.IDEMPOTENCY_KEY,
        WEBHOOK_CHANGES.OBJECT_TYPE, WEBHOOK_CHANGES.WABA_ID, WEBHOOK_CHANGES.FIELD, WEBHOOK_CHANGES.ENTRY_TIME,
        WEBHOOK_CHANGES.PAYLOAD, WEBHOOK_CHANGES.RECEIVED_AT};
    /**
     * A group's changes, each with its state PENDING (ADR 0025), in one statement over arrays, in their order; a
     * change whose key the inbox holds already (a redelivery) is skipped, and so is its state. One statement per
     * change (a JDBC batch) was planned once per change, and the two-table statement so cost a quarter more than the
     * one-table insert before it; over arrays it costs about half (bench/inbox-layouts.sh, ADR 0025).
     */
    private static final PreparedSql ADD_CHANGES = PreparedSql.ofSql("WITH added AS ("
            + ColumnArrays.insertInOrderSql(WEBHOOK_CHANGES, CHANGE_COLUMNS)
            + " ON CONFLICT (idempotency_key) DO NOTHING RETURNING id, waba_id, received_at)"
            + " INSERT INTO webhook_change_states (change_id, waba_id, state, next_attempt_at)"
            + " SELECT id, waba_id, 'PENDING', received_at FROM added", CHANGE_COLUMNS.length);

    private static final PreparedSql ADD_DELIVERY = PreparedSql.of(DSL.insertInto(WEBHOOK_DELIVERIES,
                    WEBHOOK_DELIVERIES.RECEIVED_AT, WEBHOOK_DELIVERIES.BODY, WEBHOOK_DELIVERIES.SIGNATURE,
                    WEBHOOK_DELIVERIES.STATE, WEBHOOK_DELIVERIES.ERROR)
            .values(DSL.param("r", WEBHOOK_DELIVERIES.RECEIVED_AT), DSL.param("b", WEBHOOK_DELIVERIES.BODY),
                    DSL.param("s", WEBHOOK_DELIVERIES.SIGNATURE), DSL.param("t", WEBHOOK_DELIVERIES.STATE),
                    DSL.param("e", WEBHOOK_DELIVERIES.ERROR)));

    /** How long a request waits for its delivery's commit before it is answered 503 (Meta sends it again). */
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final long CLOSE_SECONDS = 10;

    private final DSLContext dsl;
    private final UnitOfWork unitOfWork;
    private final Duration wait;
    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(QUEUE_SIZE);
    private final Thread writer;
    private final DeliveryAnswers answers = new DeliveryAnswers();
    private volatile boolean open = true;
    /** Set by the writer before its last look at the queue, however it ends. */
    private volatile boolean ended;
    private volatile Throwable stoppedBy;

    @Inject
    public GroupCommitDeliveryStore(DSLContext dsl, UnitOfWork unitOfWork) {
        this(dsl, unitOfWork, WAIT);
    }

    /** With another wait for the commit than production's 10 s, so that a test sees a wait run out. */
    GroupCommitDeliveryStore(DSLContext dsl, UnitOfWork unitOfWork, Duration wait) {
        this.dsl = dsl;
        this.unitOfWork = unitOfWork;
        this.wait = wait;
        this.writer = new Thread(this::write, "webhook-delivery-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    private record Pending(byte[] body, String signature, Instant receivedAt, String malformedReason,
                           List<NewInboxChange> changes, CompletableFuture<Long> id) {

        /** The same delivery with every change replaced by its stand-in. */
        Pending unstorable(String reason) {
            return new Pending(body, signature, receivedAt, malformedReason,
                    changes.stream().map(change -> change.unstorable(reason)).toList(), id);
        }
    }

    @Override
    public CompletionStage<Long> store(byte[] body, String signature, Instant receivedAt, String malformedReason,
                                      List<NewInboxChange> changes) {
        Pending pending = new Pending(body, InboxColumns.signature(signature), receivedAt,
                InboxColumns.reason(malformedReason), changes.stream().map(InboxColumns::fit).toList(),
                new CompletableFuture<>());
        if (!isWriting()) {
            return notAccepting();
        }
        // Nobody waits for room: a full queue means the database is far behind, and Meta sends the delivery again.
        if (!queue.offer(pending)) {
            return CompletableFuture.failedStage(new DeliveryNotStored(
                    "the delivery writer is not accepting work: " + queue.size() + " deliveries are waiting", null));
        }
        // The writer may have ended between the check above and the offer, after its last look at the queue: then
        // nobody would take the delivery, and its request would wait for the timeout to be refused.
        if (!isWriting() && queue.remove(pending)) {
            return notAccepting();
        }
        return pending.id().orTimeout(wait.toMillis(), TimeUnit.MILLISECONDS).handle((id, failure) -> {
            if (failure == null) {
                return id;
            }
            if (failure instanceof DeliveryNotStored notStored) {
                throw notStored;
            }
            if (failure instanceof TimeoutException) {
                throw new DeliveryNotStored("storing the delivery took longer than " + wait.toMillis() + " ms",
                        failure);
            }
            throw new DeliveryNotStored("the delivery could not be stored", failure);
        });
    }

    private CompletionStage<Long> notAccepting() {
        return CompletableFuture.failedStage(new DeliveryNotStored("the delivery writer is not accepting work", stoppedBy));
    }

    /** Deliveries waiting for the writer. */
    int waiting() {
        return queue.size();
    }

    /** Whether the writer thread is committing deliveries; when it is not, every delivery is refused. */
    public boolean isWriting() {
        return open && !ended && writer.isAlive();
    }

    /** Why the writer stopped, when it stopped for another reason than shutdown. */
    public Throwable stoppedBy() {
        return stoppedBy;
    }

    private void write() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        try {
            while (open || !queue.isEmpty()) {
                try {
                    Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    queue.drainTo(batch, MAX_BATCH - 1);
                    dropAnswered(batch);
                    if (!batch.isEmpty()) {
                        commit(batch);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw e;
                } catch (Throwable e) {
                    // Whatever went wrong (even an Error) fails this group's requests, not the writer.
                    LOG.error("Webhook delivery writer: a group of {} deliveries failed", batch.size(), e);
                    answers.failed(stages(batch), e);
                } finally {
                    batch.clear();
                }
            }
        } catch (Throwable e) {
            stoppedBy = e;
            LOG.error("Webhook delivery writer stopped; deliveries are refused until Warden restarts", e);
        } finally {
            ended = true;
            Throwable cause = stoppedBy;
            queue.forEach(pending -> pending.id().completeExceptionally(
                    new DeliveryNotStored("the delivery writer stopped", cause)));
        }
    }

    /**
     * Leaves out the deliveries whose wait ran out while they queued: their requests were answered 503 and Meta sends
     * them again. Writing them anyway would keep the ones still waiting behind them, above all after an outage, when
     * every delivery in the queue may have run out.
     */
    private static void dropAnswered(List<Pending> batch) {
        int before = batch.size();
        batch.removeIf(pending -> pending.id().isDone());
        if (batch.size() < before) {
            LOG.warn("Webhook delivery writer: {} deliveries not written, their requests answered 503 after waiting"
                    + " for the database (Meta sends them again)", before - batch.size());
        }
    }

    private void commit(List<Pending> batch) {
        try {
            answers.committed(stages(batch), unitOfWork.inTransaction(() -> insert(batch)));
        } catch (RuntimeException e) {
            if (!DataRefusals.refusedData(e)) {
                throw e;
            }
            // The database refused something in one of them: commit each on its own, so only that one is affected.
            for (Pending pending : batch) {
                commitAlone(pending, batch.size() == 1 ? e : null);
            }
        }
    }

    /** One delivery in its own transaction; {@code refusal} is the database's refusal of it alone, if known already. */
    private void commitAlone(Pending pending, RuntimeException refusal) {
        try {
            RuntimeException refused = refusal;
            if (refused == null) {
                try {
                    List<Pending> alone = List.of(pending);
                    answers.committed(stages(alone), unitOfWork.inTransaction(() -> insert(alone)));
                    return;
                } catch (RuntimeException e) {
                    if (!DataRefusals.refusedData(e)) {
                        throw e;
                    }
                    refused = e;
                }
            }
            if (pending.changes().isEmpty()) {
                throw refused;
            }
            String reason = "PostgreSQL refused the change: " + DataRefusals.message(refused);
            List<Pending> standIns = List.of(pending.unstorable(reason));
            List<Long> id = unitOfWork.inTransaction(() -> insert(standIns));
            answers.committed(stages(standIns), id);
            LOG.warn("Webhook delivery {} kept with its changes as dead letters: {}", id.get(0), reason);
        } catch (RuntimeException e) {
            answers.failed(List.of(pending.id()), e);
        }
    }

    private static List<CompletableFuture<Long>> stages(List<Pending> group) {
        return group.stream().map(Pending::id).toList();
    }

    private List<Long> insert(List<Pending> batch) {
        // Inserts whose plans do not depend on the tables' sizes; planned afresh, 23 % of their time (ADR 0032).
        GenericPlans.forTheRestOfTheTransaction(dsl);
        // One prepared statement whatever the group's size: the deliveries go in one JDBC batch, whose
        // generated ids come back in the order of the rows. (A multi-row INSERT shaped by the group's
        // size was rendered by jOOQ anew for every commit, on the writer thread every POST waits for.)
        List<Long> ids = ADD_DELIVERY.batchReturning(dsl, batch.stream().map(p -> new Object[] {
            Times.toDb(p.receivedAt()), p.body(), p.signature(), p.malformedReason() == null ? "SPLIT" : "MALFORMED",
            p.malformedReason()}).toList(), WEBHOOK_DELIVERIES.ID.getName());
        if (ids.size() != batch.size()) {
            throw new IllegalStateException("inserted " + ids.size() + " deliveries of " + batch.size());
        }
        List<WebhookChangesRecord> changes = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Pending p = batch.get(i);
            for (NewInboxChange c : p.changes()) {
                changes.add(new WebhookChangesRecord(null, ids.get(i), c.idempotencyKey(), c.wabaId(), c.field(),
                        Times.toDb(c.entryTime()), JSONB.valueOf(c.value()), c.objectType(), Times.toDb(p.receivedAt())));
            }
        }
        if (!changes.isEmpty()) {
            ADD_CHANGES.execute(dsl, ColumnArrays.values(CHANGE_COLUMNS, changes));
        }
        return ids;
    }

    @PreDestroy
    public void close() throws InterruptedException {
        open = false;
        writer.join(TimeUnit.SECONDS.toMillis(CLOSE_SECONDS));
        if (!writer.isAlive()) {
            // Every group the writer committed has been handed over; answer them before the context goes.
            answers.close(CLOSE_SECONDS);
        }
    }
}
