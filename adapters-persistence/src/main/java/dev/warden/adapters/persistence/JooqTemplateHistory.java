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
import org.jooq.Condition;
import org.jooq.DSLContext;

/** Persistence adapter: the append-only history of every template. */
@Singleton
public final class JooqTemplateHistory implements TemplateHistory {

    private final DSLContext dsl;

    public JooqTemplateHistory(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void append(TemplateHistoryEntry e) {
        dsl.insertInto(TEMPLATE_HISTORY)
                .set(TEMPLATE_HISTORY.ORGANIZATION_ID, e.organizationId().value())
                .set(TEMPLATE_HISTORY.TEMPLATE_ID, e.templateId().value())
                .set(TEMPLATE_HISTORY.KIND, e.kind().name())
                .set(TEMPLATE_HISTORY.SOURCE, e.source().name())
                .set(TEMPLATE_HISTORY.EVENT, e.event())
                .set(TEMPLATE_HISTORY.PREVIOUS, e.previous())
                .set(TEMPLATE_HISTORY.CURRENT, e.current())
                .set(TEMPLATE_HISTORY.REASON, e.reason())
                .set(TEMPLATE_HISTORY.STALE, e.stale())
                .set(TEMPLATE_HISTORY.OCCURRED_AT, Times.toDb(e.occurredAt()))
                .set(TEMPLATE_HISTORY.RECORDED_AT, Times.toDb(e.recordedAt()))
                .set(TEMPLATE_HISTORY.DETAILS, Json.of(e.details()))
                .execute();
    }

    @Override
    public Page<TemplateHistoryEntry> list(OrganizationId organizationId, TemplateId templateId, PageRequest page) {
        Condition where = TEMPLATE_HISTORY.ORGANIZATION_ID.eq(organizationId.value())
                .and(TEMPLATE_HISTORY.TEMPLATE_ID.eq(templateId.value()));
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
