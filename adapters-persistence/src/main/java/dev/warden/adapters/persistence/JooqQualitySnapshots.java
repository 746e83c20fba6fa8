package dev.warden.adapters.persistence;

import static dev.warden.adapters.persistence.jooq.Tables.QUALITY_HISTORY;
import static dev.warden.adapters.persistence.jooq.Tables.QUALITY_SNAPSHOTS;
import static dev.warden.adapters.persistence.jooq.Tables.TEMPLATES;

import dev.warden.domain.quality.QualitySnapshots;
import dev.warden.domain.quality.SnapshotPeriod;
import dev.warden.domain.template.ChangeSource;
import dev.warden.domain.template.TemplateStatus;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.OptionalInt;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Persistence adapter: the quality snapshot as two statements, whatever the number of templates. The
 * period's row, inserted first, is the lock: an instance taking the same period waits for the first
 * one's commit and then finds the row there.
 */
@Singleton
public final class JooqQualitySnapshots implements QualitySnapshots {

    private final DSLContext dsl;

    public JooqQualitySnapshots(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public OptionalInt takeOnce(SnapshotPeriod period, Instant at) {
        boolean ours = dsl.insertInto(QUALITY_SNAPSHOTS)
                .set(QUALITY_SNAPSHOTS.PERIOD_START, Times.toDb(period.start()))
                .set(QUALITY_SNAPSHOTS.TAKEN_AT, Times.toDb(at))
                .set(QUALITY_SNAPSHOTS.TEMPLATES, 0)
                .onConflictDoNothing()
                .execute() == 1;
        if (!ours) {
            return OptionalInt.empty();
        }
        // Every tenant's templates that Meta rates: drafts have no Meta id, DELETED ones are gone.
        int recorded = dsl.insertInto(QUALITY_HISTORY, QUALITY_HISTORY.ORGANIZATION_ID, QUALITY_HISTORY.TEMPLATE_ID,
                        QUALITY_HISTORY.RATING, QUALITY_HISTORY.OBSERVED_AT, QUALITY_HISTORY.SOURCE)
                .select(DSL.select(TEMPLATES.ORGANIZATION_ID, TEMPLATES.ID, TEMPLATES.QUALITY,
                                DSL.val(Times.toDb(at), QUALITY_HISTORY.OBSERVED_AT),
                                DSL.val(ChangeSource.SNAPSHOT.name(), QUALITY_HISTORY.SOURCE))
                        .from(TEMPLATES)
                        .where(TEMPLATES.META_TEMPLATE_ID.isNotNull(),
                                TEMPLATES.STATUS.ne(TemplateStatus.DELETED.name())))
                .execute();
        dsl.update(QUALITY_SNAPSHOTS).set(QUALITY_SNAPSHOTS.TEMPLATES, recorded)
                .where(QUALITY_SNAPSHOTS.PERIOD_START.eq(Times.toDb(period.start())))
                .execute();
        return OptionalInt.of(recorded);
    }
}
