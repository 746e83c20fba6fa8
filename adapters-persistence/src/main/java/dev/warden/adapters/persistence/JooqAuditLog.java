package dev.warden.adapters.persistence;

import static dev.warden.adapters.persistence.jooq.Tables.AUDIT_LOG;

import dev.warden.adapters.persistence.jooq.tables.records.AuditLogRecord;
import dev.warden.domain.audit.AuditAction;
import dev.warden.domain.audit.AuditEntry;
import dev.warden.domain.audit.AuditFilter;
import dev.warden.domain.audit.AuditLog;
import dev.warden.domain.audit.AuditResource;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.shared.Page;
import dev.warden.domain.shared.PageRequest;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Persistence adapter: the audit log, append-only, read newest first. */
@Singleton
public final class JooqAuditLog implements AuditLog {

    private final DSLContext dsl;

    public JooqAuditLog(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void record(AuditEntry entry) {
        dsl.insertInto(AUDIT_LOG)
                .set(AUDIT_LOG.ORGANIZATION_ID, entry.organizationId().value())
                .set(AUDIT_LOG.ID, entry.id())
                .set(AUDIT_LOG.AT, Times.toDb(entry.at()))
                .set(AUDIT_LOG.ACTOR, entry.actor())
                .set(AUDIT_LOG.ACTION, entry.action().name())
                .set(AUDIT_LOG.RESOURCE_KIND, entry.resource().kind().name())
                .set(AUDIT_LOG.RESOURCE_ID, entry.resource().id())
                .set(AUDIT_LOG.BEFORE, Json.of(entry.before()))
                .set(AUDIT_LOG.AFTER, Json.of(entry.after()))
                .execute();
    }

    @Override
    public Page<AuditEntry> find(AuditFilter filter, PageRequest page) {
        List<Condition> conditions = new ArrayList<>();
        filter.organizationId().ifPresent(org -> conditions.add(AUDIT_LOG.ORGANIZATION_ID.eq(org.value())));
        filter.actor().ifPresent(actor -> conditions.add(AUDIT_LOG.ACTOR.eq(actor)));
        filter.resourceKind().ifPresent(kind -> conditions.add(AUDIT_LOG.RESOURCE_KIND.eq(kind.name())));
        filter.resourceId().ifPresent(id -> conditions.add(AUDIT_LOG.RESOURCE_ID.eq(id)));
        filter.from().ifPresent(from -> conditions.add(AUDIT_LOG.AT.ge(Times.toDb(from))));
        filter.to().ifPresent(to -> conditions.add(AUDIT_LOG.AT.lt(Times.toDb(to))));
        Condition where = DSL.and(conditions);
        return new Page<>(dsl.selectFrom(AUDIT_LOG).where(where).orderBy(AUDIT_LOG.AT.desc(), AUDIT_LOG.SEQ.desc())
                .limit(page.size()).offset(page.offset()).fetch().map(JooqAuditLog::toDomain),
                page.page(), page.size(), dsl.fetchCount(AUDIT_LOG, where));
    }

    private static AuditEntry toDomain(AuditLogRecord r) {
        return new AuditEntry(r.getId(), new OrganizationId(r.getOrganizationId()), r.getActor(),
                AuditAction.valueOf(r.getAction()),
                new AuditResource(AuditResource.Kind.valueOf(r.getResourceKind()), r.getResourceId()),
                Json.stringMap(r.getBefore()), Json.stringMap(r.getAfter()), Times.fromDb(r.getAt()));
    }
}
