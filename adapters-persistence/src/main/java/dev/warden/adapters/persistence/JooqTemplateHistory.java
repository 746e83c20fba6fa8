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
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Persistence adapter: the append-only history of every template. */
@Singleton
public final class JooqTemplateHistory implements TemplateHistory {

    /**
     * A batch's history lines in one statement over one array per column, in the order given (the identity
     * {@code seq} follows the {@code ORDER BY}): one insert executed per line, even in a JDBC batch, was planned
     * and run alone for every change an inbox batch applies.
     */
    private static final PreparedSql APPEND_ALL = PreparedSql.ofSql("INSERT INTO template_history"
            + " (organization_id, template_id, kind, source, event, previous, current, reason, stale, occurred_at,"
            + " recorded_at, details)"
            + " SELECT organization_id, template_id, kind, source, event, previous, current, reason, stale, occurred_at,"
            + " recorded_at, CAST(details AS jsonb)"
            + " FROM unnest(CAST(? AS uuid[]), CAST(? AS uuid[]), CAST(? AS varchar[]), CAST(? AS varchar[]),"
            + " CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS boolean[]),"
            + " CAST(? AS timestamptz[]), CAST(? AS timestamptz[]), CAST(? AS text[])) WITH ORDINALITY"
            + " AS line (organization_id, template_id, kind, source, event, previous, current, reason, stale,"
            + " occurred_at, recorded_at, details, position)"
            + " ORDER BY position", 12);

    private final DSLContext dsl;

    public JooqTemplateHistory(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void append(TemplateHistoryEntry e) {
        appendAll(List.of(e));
    }

    @Override
    public void appendAll(List<TemplateHistoryEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        APPEND_ALL.execute(dsl, column(entries, e -> e.organizationId().value(), UUID[]::new),
                column(entries, e -> e.templateId().value(), UUID[]::new),
                column(entries, e -> e.kind().name(), String[]::new), column(entries, e -> e.source().name(), String[]::new),
                column(entries, TemplateHistoryEntry::event, String[]::new),
                column(entries, TemplateHistoryEntry::previous, String[]::new),
                column(entries, TemplateHistoryEntry::current, String[]::new),
                column(entries, TemplateHistoryEntry::reason, String[]::new),
                column(entries, TemplateHistoryEntry::stale, Boolean[]::new),
                column(entries, e -> Times.toDb(e.occurredAt()), OffsetDateTime[]::new),
                column(entries, e -> Times.toDb(e.recordedAt()), OffsetDateTime[]::new),
                column(entries, e -> Json.of(e.details()).data(), String[]::new));
    }

    private static <T> T[] column(List<TemplateHistoryEntry> entries, Function<TemplateHistoryEntry, T> value,
                                  IntFunction<T[]> array) {
        return entries.stream().map(value).toArray(array);
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
