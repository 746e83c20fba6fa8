package dev.warden.adapters.persistence;

import static dev.warden.adapters.persistence.jooq.Tables.TEMPLATE_HISTORY;

import dev.warden.adapters.persistence.jooq.tables.records.TemplateHistoryRecord;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.shared.Page;
import dev.warden.domain.shared.PageRequest;
import dev.warden.domain.template.ChangeSource;
import dev.warden.domain.template.HistoryKind;
import dev.warden.domain.template.TemplateHistory;
import dev.warden.domain.template.TemplateHistoryEntry;
import dev.warden.domain.template.TemplateId;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/** Persistence adapter: the append-only history of every template. */
@Singleton
public final class JooqTemplateHistory implements TemplateHistory {

    private static final Field<?>[] COLUMNS = {TEMPLATE_HISTORY.ORGANIZATION_ID, TEMPLATE_HISTORY.TEMPLATE_ID,
        TEMPLATE_HISTORY.KIND, TEMPLATE_HISTORY.SOURCE, TEMPLATE_HISTORY.EVENT, TEMPLATE_HISTORY.PREVIOUS,
        TEMPLATE_HISTORY.CURRENT, TEMPLATE_HISTORY.REASON, TEMPLATE_HISTORY.STALE, TEMPLATE_HISTORY.OCCURRED_AT,
        TEMPLATE_HISTORY.RECORDED_AT, TEMPLATE_HISTORY.DETAILS};
    private static final PreparedSql APPEND = PreparedSql.of(DSL.insertInto(TEMPLATE_HISTORY).columns(COLUMNS)
            .values(java.util.Arrays.stream(COLUMNS).map(f -> (Field<?>) DSL.param(f.getName(), f)).toList()));

    private final DSLContext dsl;

    public JooqTemplateHistory(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void append(TemplateHistoryEntry e) {
        APPEND.execute(dsl, values(e));
    }

    @Override
    public void appendAll(List<TemplateHistoryEntry> entries) {
        APPEND.batch(dsl, entries.stream().map(JooqTemplateHistory::values).toList());
    }

    private static Object[] values(TemplateHistoryEntry e) {
        return new Object[] {e.organizationId().value(), e.templateId().value(), e.kind().name(), e.source().name(),
            e.event(), e.previous(), e.current(), e.reason(), e.stale(), Times.toDb(e.occurredAt()),
            Times.toDb(e.recordedAt()), Json.of(e.details())};
    }

    @Override
    public Page<TemplateHistoryEntry> list(OrganizationId organizationId, TemplateId templateId, PageRequest page) {
        Condition where = TEMPLATE_HISTORY.ORGANIZATION_ID.eq(organizationId.value())
                .and(TEMPLATE_HISTORY.TEMPLATE_ID.eq(templateId.value()));
        return new Page<>(dsl.selectFrom(TEMPLATE_HISTORY).where(where).orderBy(TEMPLATE_HISTORY.SEQ.desc())
                .limit(page.size()).offset(page.offset()).fetch().map(JooqTemplateHistory::toDomain),
                page.page(), page.size(), dsl.fetchCount(TEMPLATE_HISTORY, where));
    }

    @Override
    public Page<TemplateHistoryEntry> listOfKind(Optional<OrganizationId> organizationId,
                                                 Optional<TemplateId> templateId, HistoryKind kind, PageRequest page) {
        Condition where = DSL.and(TEMPLATE_HISTORY.KIND.eq(kind.name()),
                organizationId.map(org -> TEMPLATE_HISTORY.ORGANIZATION_ID.eq(org.value())).orElse(DSL.noCondition()),
                templateId.map(id -> TEMPLATE_HISTORY.TEMPLATE_ID.eq(id.value())).orElse(DSL.noCondition()));
        return new Page<>(dsl.selectFrom(TEMPLATE_HISTORY).where(where).orderBy(TEMPLATE_HISTORY.SEQ.desc())
                .limit(page.size()).offset(page.offset()).fetch().map(JooqTemplateHistory::toDomain),
                page.page(), page.size(), dsl.fetchCount(TEMPLATE_HISTORY, where));
    }

    private static TemplateHistoryEntry toDomain(TemplateHistoryRecord r) {
        return new TemplateHistoryEntry(new OrganizationId(r.getOrganizationId()), new TemplateId(r.getTemplateId()),
                HistoryKind.valueOf(r.getKind()), ChangeSource.valueOf(r.getSource()), r.getEvent(), r.getPrevious(),
                r.getCurrent(), r.getReason(), r.getStale(), Times.fromDb(r.getOccurredAt()),
                Times.fromDb(r.getRecordedAt()), Json.stringMap(r.getDetails()));
    }
}
