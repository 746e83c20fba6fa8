package dev.warden.adapters.persistence;

import static dev.warden.adapters.persistence.jooq.Tables.QUALITY_HISTORY;

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
import org.jooq.impl.DSL;

/** Persistence adapter: every quality score observed for a template. */
@Singleton
public final class JooqQualityHistory implements QualityHistory {

    private static final PreparedSql INSERT = PreparedSql.of(DSL.insertInto(QUALITY_HISTORY)
            .set(QUALITY_HISTORY.ORGANIZATION_ID, DSL.param("o", QUALITY_HISTORY.ORGANIZATION_ID))
            .set(QUALITY_HISTORY.TEMPLATE_ID, DSL.param("t", QUALITY_HISTORY.TEMPLATE_ID))
            .set(QUALITY_HISTORY.RATING, DSL.param("r", QUALITY_HISTORY.RATING))
            .set(QUALITY_HISTORY.OBSERVED_AT, DSL.param("a", QUALITY_HISTORY.OBSERVED_AT))
            .set(QUALITY_HISTORY.SOURCE, DSL.param("s", QUALITY_HISTORY.SOURCE)));

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
        INSERT.batch(dsl, observations.stream().map(o -> new Object[] {o.organizationId().value(),
                o.templateId().value(), o.rating().name(), Times.toDb(o.observedAt()), o.source().name()}).toList());
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
