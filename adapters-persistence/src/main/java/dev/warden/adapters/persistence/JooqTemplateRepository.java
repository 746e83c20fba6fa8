package dev.warden.adapters.persistence;

import static dev.warden.adapters.persistence.jooq.Tables.TEMPLATES;

import dev.warden.adapters.persistence.jooq.tables.records.TemplatesRecord;
import dev.warden.domain.shared.ConcurrentModification;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.shared.Page;
import dev.warden.domain.shared.PageRequest;
import dev.warden.domain.template.MessageTemplate;
import dev.warden.domain.template.TemplateFilter;
import dev.warden.domain.template.TemplateId;
import dev.warden.domain.template.TemplateKey;
import dev.warden.domain.template.TemplateRepository;
import dev.warden.domain.template.TemplateSnapshot;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;

/** Persistence adapter: message templates, with optimistic locking on the revision column. */
@Singleton
public final class JooqTemplateRepository implements TemplateRepository {

    private final DSLContext dsl;

    public JooqTemplateRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void add(MessageTemplate template) {
        // Two deliveries about a template never seen before may both create it; the second one
        // finds the (WABA, Meta id) taken and retries on the stored template.
        int inserted = dsl.insertInto(TEMPLATES).set(TemplateRowMapper.toRecord(template.snapshot()))
                .onConflictDoNothing().execute();
        if (inserted == 0) {
            throw new ConcurrentModification("template", template.id(), template.revision());
        }
    }

    @Override
    public void update(MessageTemplate template) {
        TemplateSnapshot snapshot = template.snapshot();
        TemplatesRecord record = TemplateRowMapper.toRecord(snapshot);
        int updated = dsl.update(TEMPLATES)
                .set(TemplateRowMapper.updatableValues(record))
                .set(TEMPLATES.REVISION, TEMPLATES.REVISION.plus(1))
                .where(TEMPLATES.ORGANIZATION_ID.eq(snapshot.organizationId().value()))
                .and(TEMPLATES.ID.eq(snapshot.id().value()))
                .and(TEMPLATES.REVISION.eq(snapshot.revision()))
                .execute();
        if (updated == 0) {
            throw new ConcurrentModification("template", snapshot.id(), snapshot.revision());
        }
    }

    @Override
    public Optional<MessageTemplate> findById(OrganizationId organizationId, TemplateId id) {
        return dsl.selectFrom(TEMPLATES)
                .where(TEMPLATES.ORGANIZATION_ID.eq(organizationId.value()), TEMPLATES.ID.eq(id.value()))
                .fetchOptional().map(r -> MessageTemplate.reconstitute(TemplateRowMapper.toSnapshot(r)));
    }

    @Override
    public Optional<OrganizationId> ownerOf(TemplateId id) {
        return dsl.select(TEMPLATES.ORGANIZATION_ID).from(TEMPLATES).where(TEMPLATES.ID.eq(id.value()))
                .fetchOptional(r -> new OrganizationId(r.value1()));
    }

    @Override
    public Optional<MessageTemplate> findByKey(OrganizationId organizationId, TemplateKey key) {
        return dsl.selectFrom(TEMPLATES)
                .where(TEMPLATES.ORGANIZATION_ID.eq(organizationId.value()),
                        TEMPLATES.WABA_ID.eq(key.wabaId().value()),
                        TEMPLATES.META_TEMPLATE_ID.eq(key.metaTemplateId().value()))
                .fetchOptional().map(r -> MessageTemplate.reconstitute(TemplateRowMapper.toSnapshot(r)));
    }

    @Override
    public Page<TemplateSnapshot> list(TemplateFilter filter, PageRequest page) {
        Condition where = conditions(filter);
        List<TemplateSnapshot> items = dsl.selectFrom(TEMPLATES).where(where)
                .orderBy(TEMPLATES.NAME, TEMPLATES.LANGUAGE, TEMPLATES.ID)
                .limit(page.size()).offset(page.offset())
                .fetch().map(TemplateRowMapper::toSnapshot);
        return new Page<>(items, page.page(), page.size(), dsl.fetchCount(TEMPLATES, where));
    }

    private static Condition conditions(TemplateFilter filter) {
        List<Condition> conditions = new ArrayList<>();
        filter.organizationId().ifPresent(org -> conditions.add(TEMPLATES.ORGANIZATION_ID.eq(org.value())));
        filter.wabaId().ifPresent(waba -> conditions.add(TEMPLATES.WABA_ID.eq(waba.value())));
        filter.metaTemplateId().ifPresent(id -> conditions.add(TEMPLATES.META_TEMPLATE_ID.eq(id.value())));
        filter.name().ifPresent(name -> conditions.add(TEMPLATES.NAME.contains(name)));
        filter.status().ifPresent(status -> conditions.add(TEMPLATES.STATUS.eq(status.name())));
        filter.quality().ifPresent(quality -> conditions.add(TEMPLATES.QUALITY.eq(quality.name())));
        filter.category().ifPresent(category -> conditions.add(TEMPLATES.CATEGORY.eq(category.name())));
        return org.jooq.impl.DSL.and(conditions);
    }
}
