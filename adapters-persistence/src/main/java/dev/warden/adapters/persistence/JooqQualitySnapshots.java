package dev.warden.adapters.persistence;

import static dev.warden.adapters.persistence.jooq.Tables.QUALITY_HISTORY;
import static dev.warden.adapters.persistence.jooq.Tables.QUALITY_SNAPSHOTS;
import static dev.warden.adapters.persistence.jooq.Tables.TEMPLATES;

import dev.warden.domain.quality.QualitySnapshots;
import dev.warden.domain.quality.SnapshotPeriod;
import dev.warden.domain.template.ChangeSource;
import dev.warden.domain.template.QualityRating;
import dev.warden.domain.template.TemplateStatus;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.OptionalInt;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Persistence adapter: the quality snapshot as two statements, whatever the number of templates. The
 * period's row, inserted first, says the period is taken; a transaction-scoped advisory lock keeps a
 * second instance from waiting on that row while the first one's snapshot runs (its lock wait would
 * time out on a large snapshot): it skips, and a later check finds the row committed.
 */
@Singleton
public final class JooqQualitySnapshots implements QualitySnapshots {

    /** The advisory lock key of the snapshot (any constant other locks of Warden do not use). */
    private static final long SNAPSHOT_LOCK = 0x5741_5244_454e_5153L;

    private final DSLContext dsl;

    public JooqQualitySnapshots(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public OptionalInt takeOnce(SnapshotPeriod period, Instant at) {
        boolean alone = dsl.select(DSL.field("pg_try_advisory_xact_lock(?)", Boolean.class, SNAPSHOT_LOCK))
                .fetchSingle().value1();
        if (!alone) {
            return OptionalInt.empty();
        }
        boolean ours = dsl.insertInto(QUALITY_SNAPSHOTS)
                .set(QUALITY_SNAPSHOTS.PERIOD_START, Times.toDb(period.start()))
                .set(QUALITY_SNAPSHOTS.TAKEN_AT, Times.toDb(at))
                .set(QUALITY_SNAPSHOTS.TEMPLATES, 0)
                .onConflictDoNothing()
                .execute() == 1;
        if (!ours) {
            return OptionalInt.empty();
        }
        // Every tenant's templates that Meta rates: drafts have no Meta id, DELETED ones are gone, and an
        // UNKNOWN score (not rated yet) is no point on a trend. Inserted by organisation then id: PostgreSQL runs
        // the rows' foreign-key checks in the order they went in (its behaviour, not a promise of the standard), so
        // each key-share locks its template in the order inbox batches lock theirs (InboxBatch.LOCK_ORDER, then
        // id); in any other, a batch and the snapshot deadlocked (docs/benchmarks.md).
        int recorded = dsl.insertInto(QUALITY_HISTORY, QUALITY_HISTORY.ORGANIZATION_ID, QUALITY_HISTORY.TEMPLATE_ID,
                        QUALITY_HISTORY.RATING, QUALITY_HISTORY.OBSERVED_AT, QUALITY_HISTORY.SOURCE)
                .select(DSL.select(TEMPLATES.ORGANIZATION_ID, TEMPLATES.ID, TEMPLATES.QUALITY,
                                DSL.val(Times.toDb(at), QUALITY_HISTORY.OBSERVED_AT),
                                DSL.val(ChangeSource.SNAPSHOT.name(), QUALITY_HISTORY.SOURCE))
                        .from(TEMPLATES)
                        .where(TEMPLATES.META_TEMPLATE_ID.isNotNull(),
                                TEMPLATES.STATUS.ne(TemplateStatus.DELETED.name()),
                                TEMPLATES.QUALITY.ne(QualityRating.UNKNOWN.name()))
                        .orderBy(TEMPLATES.ORGANIZATION_ID, TEMPLATES.ID))
                .execute();
        dsl.update(QUALITY_SNAPSHOTS).set(QUALITY_SNAPSHOTS.TEMPLATES, recorded)
                .where(QUALITY_SNAPSHOTS.PERIOD_START.eq(Times.toDb(period.start())))
                .execute();
        return OptionalInt.of(recorded);
    }
}
