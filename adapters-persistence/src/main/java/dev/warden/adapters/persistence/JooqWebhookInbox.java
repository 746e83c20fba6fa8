package dev.warden.adapters.persistence;

import static dev.warden.adapters.persistence.jooq.Tables.WEBHOOK_CHANGES;
import static dev.warden.adapters.persistence.jooq.Tables.WEBHOOK_DELIVERIES;
import static dev.warden.adapters.persistence.jooq.Tables.WHATSAPP_ACCOUNTS;

import dev.warden.adapters.persistence.jooq.tables.records.WebhookChangesRecord;
import dev.warden.application.port.out.DeadLetter;
import dev.warden.application.port.out.InboxChange;
import dev.warden.application.port.out.ReplayedChange;
import dev.warden.application.port.out.WebhookInbox;
import dev.warden.domain.organization.WabaId;
import dev.warden.domain.shared.Page;
import dev.warden.domain.shared.PageRequest;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Persistence adapter: the webhook inbox's changes. Claims use {@code FOR UPDATE SKIP LOCKED}, so any
 * number of workers and instances take different rows; a claim lasts as long as the caller's
 * transaction, and a crash simply releases it.
 */
@Singleton
public final class JooqWebhookInbox implements WebhookInbox {

    private static final String PENDING = "PENDING";
    private static final PreparedSql CLAIM_DUE = PreparedSql.of(DSL.selectFrom(WEBHOOK_CHANGES)
            .where(WEBHOOK_CHANGES.STATE.eq(DSL.inline(PENDING)),
                    WEBHOOK_CHANGES.NEXT_ATTEMPT_AT.le(DSL.param("now", WEBHOOK_CHANGES.NEXT_ATTEMPT_AT)))
            .orderBy(WEBHOOK_CHANGES.NEXT_ATTEMPT_AT, WEBHOOK_CHANGES.ID)
            .limit(DSL.param("limit", SQLDataType.INTEGER)).forUpdate().skipLocked());
    /**
     * A batch's changes marked done in one statement over three arrays: one update per change, even in one JDBC
     * batch, was the drain's costliest statement after the template read (each planned and executed alone).
     */
    private static final PreparedSql MARK_DONE = PreparedSql.ofSql("UPDATE webhook_changes AS c"
            + " SET state = 'DONE', organization_id = d.organization_id, outcome = d.outcome, processed_at = ?"
            + " FROM unnest(CAST(? AS bigint[]), CAST(? AS uuid[]), CAST(? AS text[])) AS d (id, organization_id, outcome)"
            + " WHERE c.id = d.id", 4);

    private final DSLContext dsl;

    public JooqWebhookInbox(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public List<InboxChange> claimDueChanges(Instant now, int limit) {
        return CLAIM_DUE.fetch(dsl, WEBHOOK_CHANGES, Times.toDb(now), limit).map(JooqWebhookInbox::toChange);
    }

    @Override
    public Optional<InboxChange> claimChange(long changeId) {
        return dsl.selectFrom(WEBHOOK_CHANGES)
                .where(WEBHOOK_CHANGES.ID.eq(changeId), WEBHOOK_CHANGES.STATE.eq(PENDING))
                .forUpdate().skipLocked()
                .fetchOptional(JooqWebhookInbox::toChange);
    }

    @Override
    public void markDone(List<CompletedChange> completed, Instant now) {
        MARK_DONE.execute(dsl, Times.toDb(now),
                completed.stream().map(CompletedChange::changeId).toArray(Long[]::new),
                completed.stream().map(done -> done.organizationId().value()).toArray(UUID[]::new),
                completed.stream().map(CompletedChange::outcome).toArray(String[]::new));
    }

    @Override
    public void markIgnored(long changeId, String reason, Instant now) {
        dsl.update(WEBHOOK_CHANGES).set(WEBHOOK_CHANGES.STATE, "IGNORED")
                .set(WEBHOOK_CHANGES.OUTCOME, reason)
                .set(WEBHOOK_CHANGES.PROCESSED_AT, Times.toDb(now))
                .where(WEBHOOK_CHANGES.ID.eq(changeId)).execute();
    }

    @Override
    public void markUnroutable(long changeId, Instant now) {
        dsl.update(WEBHOOK_CHANGES).set(WEBHOOK_CHANGES.STATE, "UNROUTABLE")
                .set(WEBHOOK_CHANGES.OUTCOME, "no organisation has registered this WABA")
                .where(WEBHOOK_CHANGES.ID.eq(changeId)).execute();
    }

    @Override
    public void markFailed(long changeId, int attempts, String error, Instant nextAttemptAt) {
        dsl.update(WEBHOOK_CHANGES).set(WEBHOOK_CHANGES.ATTEMPTS, attempts)
                .set(WEBHOOK_CHANGES.LAST_ERROR, error)
                .set(WEBHOOK_CHANGES.NEXT_ATTEMPT_AT, Times.toDb(nextAttemptAt))
                .where(WEBHOOK_CHANGES.ID.eq(changeId), WEBHOOK_CHANGES.STATE.eq(PENDING)).execute();
    }

    @Override
    public boolean markDead(long changeId, int attempts, String error, Instant now) {
        return dsl.update(WEBHOOK_CHANGES).set(WEBHOOK_CHANGES.STATE, "DEAD")
                .set(WEBHOOK_CHANGES.ATTEMPTS, attempts)
                .set(WEBHOOK_CHANGES.LAST_ERROR, error)
                .set(WEBHOOK_CHANGES.PROCESSED_AT, Times.toDb(now))
                .where(WEBHOOK_CHANGES.ID.eq(changeId), WEBHOOK_CHANGES.STATE.eq(PENDING)).execute() > 0;
    }

    @Override
    public int requeueUnroutable(WabaId wabaId, Instant now) {
        return dsl.update(WEBHOOK_CHANGES).set(WEBHOOK_CHANGES.STATE, PENDING)
                .set(WEBHOOK_CHANGES.NEXT_ATTEMPT_AT, Times.toDb(now))
                .setNull(WEBHOOK_CHANGES.OUTCOME)
                .where(WEBHOOK_CHANGES.STATE.eq("UNROUTABLE"), WEBHOOK_CHANGES.WABA_ID.eq(wabaId.value()))
                .execute();
    }

    @Override
    public List<WabaId> unroutableWabas(int limit) {
        // Only WABAs registered since: thousands of never-registered ones must not crowd them out.
        return dsl.selectDistinct(WEBHOOK_CHANGES.WABA_ID).from(WEBHOOK_CHANGES)
                .where(WEBHOOK_CHANGES.STATE.eq("UNROUTABLE"), WEBHOOK_CHANGES.WABA_ID.in(
                        DSL.select(WHATSAPP_ACCOUNTS.WABA_ID).from(WHATSAPP_ACCOUNTS)))
                .orderBy(WEBHOOK_CHANGES.WABA_ID).limit(limit)
                .fetch(r -> new WabaId(r.value1()));
    }

    @Override
    public Page<DeadLetter> deadLetters(PageRequest page) {
        List<DeadLetter> items = dsl.selectFrom(WEBHOOK_CHANGES).where(WEBHOOK_CHANGES.STATE.eq("DEAD"))
                .orderBy(WEBHOOK_CHANGES.ID.desc()).limit(page.size()).offset(page.offset())
                .fetch(r -> new DeadLetter(r.getId(), r.getDeliveryId(), r.getWabaId(), r.getField(),
                        Times.fromDb(r.getEntryTime()), r.getPayload().data(), r.getAttempts(), r.getLastError(),
                        Times.fromDb(r.getReceivedAt())));
        return new Page<>(items, page.page(), page.size(),
                dsl.fetchCount(WEBHOOK_CHANGES, WEBHOOK_CHANGES.STATE.eq("DEAD")));
    }

    @Override
    public Optional<ReplayedChange> replay(long changeId, Instant now) {
        return dsl.update(WEBHOOK_CHANGES).set(WEBHOOK_CHANGES.STATE, PENDING)
                .set(WEBHOOK_CHANGES.ATTEMPTS, 0)
                .set(WEBHOOK_CHANGES.NEXT_ATTEMPT_AT, Times.toDb(now))
                .setNull(WEBHOOK_CHANGES.PROCESSED_AT)
                .where(WEBHOOK_CHANGES.ID.eq(changeId), WEBHOOK_CHANGES.STATE.eq("DEAD"))
                .returning(WEBHOOK_CHANGES.WABA_ID).fetchOptional()
                .map(replayed -> {
                    String waba = replayed.getWabaId();
                    return new ReplayedChange(Optional.ofNullable(waba), dsl.fetchExists(WEBHOOK_CHANGES,
                            WEBHOOK_CHANGES.STATE.eq("DEAD"),
                            waba == null ? WEBHOOK_CHANGES.WABA_ID.isNull() : WEBHOOK_CHANGES.WABA_ID.eq(waba)));
                });
    }

    @Override
    public int purgeSettled(Instant settledBefore, int limit) {
        OffsetDateTime cutoff = Times.toDb(settledBefore);
        int purged = dsl.deleteFrom(WEBHOOK_CHANGES).where(WEBHOOK_CHANGES.ID.in(
                DSL.select(WEBHOOK_CHANGES.ID).from(WEBHOOK_CHANGES)
                        .where(WEBHOOK_CHANGES.STATE.in("DONE", "IGNORED"), WEBHOOK_CHANGES.PROCESSED_AT.lt(cutoff))
                        .limit(limit))).execute();
        dsl.deleteFrom(WEBHOOK_DELIVERIES).where(WEBHOOK_DELIVERIES.RECEIVED_AT.lt(cutoff),
                DSL.notExists(DSL.selectOne().from(WEBHOOK_CHANGES)
                        .where(WEBHOOK_CHANGES.DELIVERY_ID.eq(WEBHOOK_DELIVERIES.ID)))).execute();
        return purged;
    }

    @Override
    public InboxBacklog backlog() {
        // One state per subquery, so each reads only its partial index (the table holds every settled change too);
        // the change due next is the first entry of the claim's index, one row however long the backlog.
        var counts = dsl.select(
                        DSL.field(DSL.selectCount().from(WEBHOOK_CHANGES).where(WEBHOOK_CHANGES.STATE.eq(PENDING))),
                        DSL.field(DSL.select(WEBHOOK_CHANGES.RECEIVED_AT).from(WEBHOOK_CHANGES)
                                .where(WEBHOOK_CHANGES.STATE.eq(PENDING))
                                .orderBy(WEBHOOK_CHANGES.NEXT_ATTEMPT_AT, WEBHOOK_CHANGES.ID).limit(1)),
                        DSL.field(DSL.selectCount().from(WEBHOOK_CHANGES).where(WEBHOOK_CHANGES.STATE.eq("UNROUTABLE"))),
                        DSL.field(DSL.selectCount().from(WEBHOOK_CHANGES).where(WEBHOOK_CHANGES.STATE.eq("DEAD"))))
                .fetchSingle();
        return new InboxBacklog(counts.value1(), Optional.ofNullable(counts.value2()).map(Times::fromDb),
                counts.value3(), counts.value4());
    }

    private static InboxChange toChange(WebhookChangesRecord r) {
        return new InboxChange(r.getId(), r.getDeliveryId(), r.getObjectType(), r.getWabaId(), r.getField(),
                Times.fromDb(r.getEntryTime()), r.getPayload().data(), Times.fromDb(r.getReceivedAt()), r.getAttempts());
    }
}
