package dev.warden.adapters.persistence;

import static dev.warden.adapters.persistence.jooq.Tables.WEBHOOK_CHANGES;
import static dev.warden.adapters.persistence.jooq.Tables.WEBHOOK_CHANGE_STATES;
import static dev.warden.adapters.persistence.jooq.Tables.WEBHOOK_DELIVERIES;
import static dev.warden.adapters.persistence.jooq.Tables.WHATSAPP_ACCOUNTS;

import dev.warden.adapters.persistence.jooq.tables.WebhookChangeStates;
import dev.warden.application.port.out.DeadLetter;
import dev.warden.application.port.out.InboxChange;
import dev.warden.application.port.out.ReplayedChange;
import dev.warden.application.port.out.WebhookInbox;
import dev.warden.domain.organization.WabaId;
import dev.warden.domain.shared.Page;
import dev.warden.domain.shared.PageRequest;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Persistence adapter: the webhook inbox's changes. What Meta sent is in {@code webhook_changes}, written once; what
 * became of it is in {@code webhook_change_states}, one narrow row per change (ADR 0025). Claims lock the state rows
 * with {@code FOR UPDATE SKIP LOCKED}, so any number of workers and instances take different changes; a claim lasts
 * as long as the caller's transaction, and a crash simply releases it.
 */
@Singleton
public final class JooqWebhookInbox implements WebhookInbox {

    private static final WebhookChangeStates STATES = WEBHOOK_CHANGE_STATES;
    private static final String PENDING = "PENDING";
    /** A change as the workers read it ({@link #toChange}): its content, and its attempts so far. */
    private static final Field<?>[] CLAIMED = {WEBHOOK_CHANGES.ID, WEBHOOK_CHANGES.DELIVERY_ID,
        WEBHOOK_CHANGES.OBJECT_TYPE, WEBHOOK_CHANGES.WABA_ID, WEBHOOK_CHANGES.FIELD, WEBHOOK_CHANGES.ENTRY_TIME,
        WEBHOOK_CHANGES.PAYLOAD, WEBHOOK_CHANGES.RECEIVED_AT, STATES.ATTEMPTS};
    // Only the state rows are locked: the content is never updated.
    private static final PreparedSql CLAIM_DUE = PreparedSql.of(DSL.select(CLAIMED).from(STATES)
            .join(WEBHOOK_CHANGES).on(WEBHOOK_CHANGES.ID.eq(STATES.CHANGE_ID))
            .where(STATES.STATE.eq(DSL.inline(PENDING)),
                    STATES.NEXT_ATTEMPT_AT.le(DSL.param("now", STATES.NEXT_ATTEMPT_AT)))
            .orderBy(STATES.NEXT_ATTEMPT_AT, STATES.CHANGE_ID)
            .limit(DSL.param("limit", SQLDataType.INTEGER)).forUpdate().of(STATES).skipLocked());
    private static final PreparedSql CLAIM_ONE = PreparedSql.of(DSL.select(CLAIMED).from(STATES)
            .join(WEBHOOK_CHANGES).on(WEBHOOK_CHANGES.ID.eq(STATES.CHANGE_ID))
            .where(STATES.CHANGE_ID.eq(DSL.param("id", STATES.CHANGE_ID)), STATES.STATE.eq(DSL.inline(PENDING)))
            .forUpdate().of(STATES).skipLocked());
    /**
     * A batch's changes marked done in one statement over three arrays: one update per change, even in one JDBC
     * batch, was the drain's costliest statement after the template read (each planned and executed alone).
     */
    private static final PreparedSql MARK_DONE = PreparedSql.ofSql("UPDATE webhook_change_states AS s"
            + " SET state = 'DONE', organization_id = d.organization_id, outcome = d.outcome, processed_at = ?"
            + " FROM unnest(CAST(? AS bigint[]), CAST(? AS uuid[]), CAST(? AS text[])) AS d (id, organization_id, outcome)"
            + " WHERE s.change_id = d.id", 4);

    private final DSLContext dsl;

    public JooqWebhookInbox(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public List<InboxChange> claimDueChanges(Instant now, int limit) {
        return claimed(CLAIM_DUE.fetchRows(dsl, JooqWebhookInbox::toChange, Times.toDb(now), limit));
    }

    @Override
    public Optional<InboxChange> claimChange(long changeId) {
        return claimed(CLAIM_ONE.fetchRows(dsl, JooqWebhookInbox::toChange, changeId)).stream().findFirst();
    }

    /**
     * The claim itself is planned afresh (how many changes are due, and where, changes all the time); what applies the
     * changes it took, in its transaction, looks rows up by key and may plan generically (ADR 0032).
     */
    private List<InboxChange> claimed(List<InboxChange> changes) {
        if (!changes.isEmpty()) {
            GenericPlans.forTheRestOfTheTransaction(dsl);
        }
        return changes;
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
        dsl.update(STATES).set(STATES.STATE, "IGNORED")
                .set(STATES.OUTCOME, reason)
                .set(STATES.PROCESSED_AT, Times.toDb(now))
                .where(STATES.CHANGE_ID.eq(changeId)).execute();
    }

    @Override
    public void markUnroutable(long changeId, Instant now) {
        dsl.update(STATES).set(STATES.STATE, "UNROUTABLE")
                .set(STATES.OUTCOME, "no organisation has registered this WABA")
                .where(STATES.CHANGE_ID.eq(changeId)).execute();
    }

    @Override
    public void markFailed(long changeId, int attempts, String error, Instant nextAttemptAt) {
        dsl.update(STATES).set(STATES.ATTEMPTS, attempts)
                .set(STATES.LAST_ERROR, error)
                .set(STATES.NEXT_ATTEMPT_AT, Times.toDb(nextAttemptAt))
                .where(STATES.CHANGE_ID.eq(changeId), STATES.STATE.eq(PENDING)).execute();
    }

    @Override
    public boolean markDead(long changeId, int attempts, String error, Instant now) {
        return dsl.update(STATES).set(STATES.STATE, "DEAD")
                .set(STATES.ATTEMPTS, attempts)
                .set(STATES.LAST_ERROR, error)
                .set(STATES.PROCESSED_AT, Times.toDb(now))
                .where(STATES.CHANGE_ID.eq(changeId), STATES.STATE.eq(PENDING)).execute() > 0;
    }

    @Override
    public int requeueUnroutable(WabaId wabaId, Instant now) {
        return dsl.update(STATES).set(STATES.STATE, PENDING)
                .set(STATES.NEXT_ATTEMPT_AT, Times.toDb(now))
                .setNull(STATES.OUTCOME)
                .where(STATES.STATE.eq("UNROUTABLE"), STATES.WABA_ID.eq(wabaId.value()))
                .execute();
    }

    @Override
    public List<WabaId> unroutableWabas(int limit) {
        // Only WABAs registered since: thousands of never-registered ones must not crowd them out.
        return dsl.selectDistinct(STATES.WABA_ID).from(STATES)
                .where(STATES.STATE.eq("UNROUTABLE"), STATES.WABA_ID.in(
                        DSL.select(WHATSAPP_ACCOUNTS.WABA_ID).from(WHATSAPP_ACCOUNTS)))
                .orderBy(STATES.WABA_ID).limit(limit)
                .fetch(r -> new WabaId(r.value1()));
    }

    @Override
    public Page<DeadLetter> deadLetters(PageRequest page) {
        List<DeadLetter> items = dsl.select(WEBHOOK_CHANGES.ID, WEBHOOK_CHANGES.DELIVERY_ID, WEBHOOK_CHANGES.WABA_ID,
                        WEBHOOK_CHANGES.FIELD, WEBHOOK_CHANGES.ENTRY_TIME, WEBHOOK_CHANGES.PAYLOAD, STATES.ATTEMPTS,
                        STATES.LAST_ERROR, WEBHOOK_CHANGES.RECEIVED_AT)
                .from(STATES).join(WEBHOOK_CHANGES).on(WEBHOOK_CHANGES.ID.eq(STATES.CHANGE_ID))
                .where(STATES.STATE.eq("DEAD"))
                .orderBy(STATES.CHANGE_ID.desc()).limit(page.size()).offset(page.offset())
                .fetch(r -> new DeadLetter(r.value1(), r.value2(), r.value3(), r.value4(), Times.fromDb(r.value5()),
                        r.value6().data(), r.value7(), r.value8(), Times.fromDb(r.value9())));
        return new Page<>(items, page.page(), page.size(), dsl.fetchCount(STATES, STATES.STATE.eq("DEAD")));
    }

    @Override
    public Optional<ReplayedChange> replay(long changeId, Instant now) {
        return dsl.update(STATES).set(STATES.STATE, PENDING)
                .set(STATES.ATTEMPTS, 0)
                .set(STATES.NEXT_ATTEMPT_AT, Times.toDb(now))
                .setNull(STATES.PROCESSED_AT)
                .where(STATES.CHANGE_ID.eq(changeId), STATES.STATE.eq("DEAD"))
                .returning(STATES.WABA_ID).fetchOptional()
                .map(replayed -> {
                    String waba = replayed.getWabaId();
                    return new ReplayedChange(Optional.ofNullable(waba), dsl.fetchExists(STATES,
                            STATES.STATE.eq("DEAD"), waba == null ? STATES.WABA_ID.isNull() : STATES.WABA_ID.eq(waba)));
                });
    }

    @Override
    public int purgeSettled(Instant settledBefore, int limit) {
        OffsetDateTime cutoff = Times.toDb(settledBefore);
        // No foreign key joins a state to its change (ADR 0026): the states go first, then their changes. Counted by
        // their states, so that a state whose change is gone already (deleted by an instance of the version before
        // V31, which left the state to the cascade V31 dropped) is purged as well and does not end a run early.
        Long[] settled = dsl.deleteFrom(STATES).where(STATES.CHANGE_ID.in(DSL.select(STATES.CHANGE_ID).from(STATES)
                        .where(STATES.STATE.in("DONE", "IGNORED"), STATES.PROCESSED_AT.lt(cutoff)).limit(limit)))
                .returning(STATES.CHANGE_ID).fetchArray(STATES.CHANGE_ID);
        if (settled.length > 0) {
            dsl.deleteFrom(WEBHOOK_CHANGES).where(WEBHOOK_CHANGES.ID.eq(DSL.any(settled))).execute();
        }
        dsl.deleteFrom(WEBHOOK_DELIVERIES).where(WEBHOOK_DELIVERIES.RECEIVED_AT.lt(cutoff),
                DSL.notExists(DSL.selectOne().from(WEBHOOK_CHANGES)
                        .where(WEBHOOK_CHANGES.DELIVERY_ID.eq(WEBHOOK_DELIVERIES.ID)))).execute();
        return settled.length;
    }

    @Override
    public InboxBacklog backlog() {
        // One state per subquery, so each reads only its partial index (the table holds every settled change too);
        // the change due next is the first entry of the claim's index, one row however long the backlog.
        var counts = dsl.select(
                        DSL.field(DSL.selectCount().from(STATES).where(STATES.STATE.eq(PENDING))),
                        DSL.field(DSL.select(WEBHOOK_CHANGES.RECEIVED_AT).from(WEBHOOK_CHANGES)
                                .where(WEBHOOK_CHANGES.ID.eq(DSL.field(DSL.select(STATES.CHANGE_ID).from(STATES)
                                        .where(STATES.STATE.eq(PENDING))
                                        .orderBy(STATES.NEXT_ATTEMPT_AT, STATES.CHANGE_ID).limit(1))))),
                        DSL.field(DSL.selectCount().from(STATES).where(STATES.STATE.eq("UNROUTABLE"))),
                        DSL.field(DSL.selectCount().from(STATES).where(STATES.STATE.eq("DEAD"))))
                .fetchSingle();
        return new InboxBacklog(counts.value1(), Optional.ofNullable(counts.value2()).map(Times::fromDb),
                counts.value3(), counts.value4());
    }

    /** A row of the claims, in the order of {@link #CLAIMED}. */
    private static InboxChange toChange(ResultSet row) throws SQLException {
        return new InboxChange(row.getLong(1), row.getLong(2), row.getString(3), row.getString(4), row.getString(5),
                Times.fromDb(row.getObject(6, OffsetDateTime.class)), row.getString(7),
                Times.fromDb(row.getObject(8, OffsetDateTime.class)), row.getInt(9));
    }
}
