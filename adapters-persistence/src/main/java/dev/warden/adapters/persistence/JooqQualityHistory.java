package dev.warden.adapters.persistence;

import static dev.warden.adapters.persistence.jooq.Tables.QUALITY_HISTORY;

import dev.warden.adapters.persistence.jooq.tables.records.QualityHistoryRecord;
import dev.warden.domain.quality.QualityHistory;
import dev.warden.domain.quality.QualityObservation;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.ChangeSource;
import dev.warden.domain.template.QualityRating;
import dev.warden.domain.template.TemplateId;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;

/** Persistence adapter: every quality score observed for a template. */
@Singleton
public final class JooqQualityHistory implements QualityHistory {

    private static final Field<?>[] INSERTED = {QUALITY_HISTORY.ORGANIZATION_ID, QUALITY_HISTORY.TEMPLATE_ID,
        QUALITY_HISTORY.RATING, QUALITY_HISTORY.OBSERVED_AT, QUALITY_HISTORY.SOURCE};
    /**
     * An inbox batch's observations in one statement over arrays ({@link ColumnArrays}), inserted in their order so
     * that {@code seq} follows it (the order {@link #since} breaks ties of {@code observed_at} by).
     */
    private static final PreparedSql INSERT_ALL = ColumnArrays.insertInOrder(QUALITY_HISTORY, INSERTED);

    private final DSLContext dsl;

    public JooqQualityHistory(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void append(QualityObservation o) {
        dsl.insertInto(QUALITY_HISTORY)
                .set(QUALITY_HISTORY.ORGANIZATION_ID, o.organizationId().value())
                .set(QUALITY_HISTORY.TEMPLATE_ID, o.templateId().value())
                .set(QUALITY_HISTORY.RATING, o.rating().name())
                .set(QUALITY_HISTORY.OBSERVED_AT, Times.toDb(o.observedAt()))
                .set(QUALITY_HISTORY.SOURCE, o.source().name())
                .execute();
    }

    @Override
    public void appendAll(List<QualityObservation> observations) {
        if (!observations.isEmpty()) {
            INSERT_ALL.execute(dsl, ColumnArrays.values(INSERTED, observations.stream().map(o -> {
                QualityHistoryRecord r = new QualityHistoryRecord();
                r.setOrganizationId(o.organizationId().value());
                r.setTemplateId(o.templateId().value());
                r.setRating(o.rating().name());
                r.setObservedAt(Times.toDb(o.observedAt()));
                r.setSource(o.source().name());
                return r;
            }).toList()));
        }
    }

    @Override
    public List<QualityObservation> since(OrganizationId organizationId, TemplateId templateId, Instant since) {
        return dsl.selectFrom(QUALITY_HISTORY)
                .where(QUALITY_HISTORY.ORGANIZATION_ID.eq(organizationId.value()),
                        QUALITY_HISTORY.TEMPLATE_ID.eq(templateId.value()),
                        QUALITY_HISTORY.OBSERVED_AT.ge(Times.toDb(since)))
                .orderBy(QUALITY_HISTORY.OBSERVED_AT, QUALITY_HISTORY.SEQ)
                .fetch(r -> new QualityObservation(new OrganizationId(r.getOrganizationId()),
                        new TemplateId(r.getTemplateId()), QualityRating.valueOf(r.getRating()),
                        Times.fromDb(r.getObservedAt()), ChangeSource.valueOf(r.getSource())));
    }
}
