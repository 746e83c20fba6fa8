package dev.warden.adapters.persistence;

import static dev.warden.adapters.persistence.jooq.Tables.WEBHOOK_CHANGES;
import static dev.warden.adapters.persistence.jooq.Tables.WEBHOOK_DELIVERIES;

import dev.warden.application.port.out.DeliveryStore;
import dev.warden.application.port.out.NewInboxChange;
import dev.warden.application.port.out.UnitOfWork;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStep5;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

/**
 * Persistence adapter: stores webhook deliveries, and the changes they were split into, with
 * group commit. Requests hand their delivery to one writer thread, which inserts everything
 * waiting (deliveries in one multi-row INSERT, changes in one JDBC batch that skips known
 * idempotency keys) and commits once, then releases each request with its id. Under load a commit (and its WAL flush) serves many
 * requests; alone, a request waits for its own commit only. Nothing is answered before it is
 * committed.
 */
@Singleton
public final class GroupCommitDeliveryStore implements DeliveryStore {

    static final int MAX_BATCH = 256;
    private static final PreparedSql ADD_CHANGE = PreparedSql.of(DSL.insertInto(WEBHOOK_CHANGES,
                    WEBHOOK_CHANGES.DELIVERY_ID, WEBHOOK_CHANGES.IDEMPOTENCY_KEY, WEBHOOK_CHANGES.OBJECT_TYPE,
                    WEBHOOK_CHANGES.WABA_ID, WEBHOOK_CHANGES.FIELD, WEBHOOK_CHANGES.ENTRY_TIME, WEBHOOK_CHANGES.PAYLOAD,
                    WEBHOOK_CHANGES.STATE, WEBHOOK_CHANGES.NEXT_ATTEMPT_AT, WEBHOOK_CHANGES.RECEIVED_AT)
            .values(DSL.param("d", WEBHOOK_CHANGES.DELIVERY_ID), DSL.param("k", WEBHOOK_CHANGES.IDEMPOTENCY_KEY),
                    DSL.param("o", WEBHOOK_CHANGES.OBJECT_TYPE), DSL.param("w", WEBHOOK_CHANGES.WABA_ID),
                    DSL.param("f", WEBHOOK_CHANGES.FIELD), DSL.param("t", WEBHOOK_CHANGES.ENTRY_TIME),
                    DSL.param("p", WEBHOOK_CHANGES.PAYLOAD), DSL.inline("PENDING"),
                    DSL.param("n", WEBHOOK_CHANGES.NEXT_ATTEMPT_AT), DSL.param("r", WEBHOOK_CHANGES.RECEIVED_AT))
            .onConflict(WEBHOOK_CHANGES.IDEMPOTENCY_KEY).doNothing());

    private static final long WAIT_SECONDS = 10;

    private final DSLContext dsl;
    private final UnitOfWork unitOfWork;
    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(8 * MAX_BATCH);
    private final Thread writer;
    private volatile boolean open = true;

    public GroupCommitDeliveryStore(DSLContext dsl, UnitOfWork unitOfWork) {
        this.dsl = dsl;
        this.unitOfWork = unitOfWork;
        this.writer = new Thread(this::write, "webhook-delivery-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    private record Pending(byte[] body, String signature, Instant receivedAt, String malformedReason,
                           List<NewInboxChange> changes, CompletableFuture<Long> id) {
    }

    @Override
    public long store(byte[] body, String signature, Instant receivedAt, String malformedReason,
                      List<NewInboxChange> changes) {
        Pending pending = new Pending(body, signature, receivedAt, malformedReason, List.copyOf(changes),
                new CompletableFuture<>());
        try {
            if (!open || !queue.offer(pending, WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new DeliveryNotStored("the delivery writer is not accepting work", null);
            }
            return pending.id().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryNotStored("interrupted while storing the delivery", e);
        } catch (ExecutionException e) {
            throw new DeliveryNotStored("the delivery could not be stored", e.getCause());
        } catch (TimeoutException e) {
            throw new DeliveryNotStored("storing the delivery took longer than " + WAIT_SECONDS + " s", e);
        }
    }

    private void write() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (open || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                List<Long> ids = unitOfWork.inTransaction(() -> insert(batch));
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).id().complete(ids.get(i));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                batch.forEach(pending -> pending.id().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    private List<Long> insert(List<Pending> batch) {
        InsertValuesStep5<?, OffsetDateTime, byte[], String, String, String> insert = dsl.insertInto(WEBHOOK_DELIVERIES,
                WEBHOOK_DELIVERIES.RECEIVED_AT, WEBHOOK_DELIVERIES.BODY, WEBHOOK_DELIVERIES.SIGNATURE,
                WEBHOOK_DELIVERIES.STATE, WEBHOOK_DELIVERIES.ERROR);
        for (Pending p : batch) {
            insert = insert.values(Times.toDb(p.receivedAt()), p.body(), p.signature(),
                    p.malformedReason() == null ? "SPLIT" : "MALFORMED", p.malformedReason());
        }
        // PostgreSQL returns the rows of a multi-row VALUES insert in the order given.
        List<Long> ids = insert.returning(WEBHOOK_DELIVERIES.ID).fetch(WEBHOOK_DELIVERIES.ID);
        if (ids.size() != batch.size()) {
            throw new IllegalStateException("inserted " + ids.size() + " deliveries of " + batch.size());
        }
        List<Object[]> changes = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Pending p = batch.get(i);
            for (NewInboxChange c : p.changes()) {
                changes.add(new Object[] {ids.get(i), c.idempotencyKey(), c.objectType(), c.wabaId(), c.field(),
                    Times.toDb(c.entryTime()), JSONB.valueOf(c.value()), Times.toDb(p.receivedAt()),
                    Times.toDb(p.receivedAt())});
            }
        }
        // A change already in the inbox (same content, redelivered) is skipped, not an error.
        ADD_CHANGE.batch(dsl, changes);
        return ids;
    }

    @PreDestroy
    void close() throws InterruptedException {
        open = false;
        writer.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
    }
}
