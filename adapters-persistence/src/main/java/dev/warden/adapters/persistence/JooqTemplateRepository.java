package dev.warden.adapters.persistence;

import static dev.warden.adapters.persistence.jooq.Tables.QUALITY_HISTORY;
import static dev.warden.adapters.persistence.jooq.Tables.TEMPLATES;
import static dev.warden.adapters.persistence.jooq.Tables.TEMPLATE_HISTORY;
import static dev.warden.adapters.persistence.jooq.Tables.TEMPLATE_VERSIONS;

import dev.warden.adapters.persistence.jooq.tables.records.TemplatesRecord;
import dev.warden.domain.organization.WabaId;
import dev.warden.domain.shared.ConcurrentModification;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.shared.Page;
import dev.warden.domain.shared.PageRequest;
import dev.warden.domain.template.AvailableTemplates;
import dev.warden.domain.template.ChangedTemplate;
import dev.warden.domain.template.LanguageCode;
import dev.warden.domain.template.MetaTemplateId;
import dev.warden.domain.template.MessageTemplate;
import dev.warden.domain.template.QualityRating;
import dev.warden.domain.template.TemplateCategory;
import dev.warden.domain.template.TemplateFilter;
import dev.warden.domain.template.TemplateId;
import dev.warden.domain.template.TemplateKey;
import dev.warden.domain.template.TemplateName;
import dev.warden.domain.template.TemplateRepository;
import dev.warden.domain.template.TemplateSnapshot;
import dev.warden.domain.template.TemplateSortField;
import dev.warden.domain.template.TemplateStatus;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/** Persistence adapter: message templates, with optimistic locking on the revision column. */
@Singleton
public final class JooqTemplateRepository implements TemplateRepository {

    /** A template updated without its loaded state: every column written. */
    private static final RevisionCheckedUpdate UPDATE_ALL = new RevisionCheckedUpdate(TEMPLATES,
            TemplateRowMapper.updatableFields());
    /** Column sets kept with their statement; a set beyond them has its statement built for each use. */
    private static final int MOST_UPDATE_SHAPES = 64;
    private static final PreparedSql INSERT = PreparedSql.of(DSL.insertInto(TEMPLATES)
            .columns(TEMPLATES.fields()).values(placeholders(TEMPLATES.fields())).onConflictDoNothing());
    private static final PreparedSql FIND_BY_ID = PreparedSql.of(DSL.selectFrom(TEMPLATES)
            .where(TEMPLATES.ORGANIZATION_ID.eq(DSL.param("o", TEMPLATES.ORGANIZATION_ID)),
                    TEMPLATES.ID.eq(DSL.param("i", TEMPLATES.ID))));
    private static final PreparedSql FIND_BY_KEY = PreparedSql.of(DSL.selectFrom(TEMPLATES)
            .where(TEMPLATES.ORGANIZATION_ID.eq(DSL.param("o", TEMPLATES.ORGANIZATION_ID)),
                    TEMPLATES.WABA_ID.eq(DSL.param("w", TEMPLATES.WABA_ID)),
                    TEMPLATES.META_TEMPLATE_ID.eq(DSL.param("m", TEMPLATES.META_TEMPLATE_ID))));
    /**
     * The templates of a batch, by their keys as two arrays (one statement shape whatever the batch's size, so
     * it is rendered once), locked in id order for the caller's transaction: two inbox batches with a template
     * in common wait for each other instead of both computing on it and one failing at its flush.
     */
    private static final PreparedSql FIND_BY_KEYS_LOCKED = PreparedSql.of(DSL.selectFrom(TEMPLATES)
            .where(byKeys()).orderBy(TEMPLATES.ID).forUpdate());
    /**
     * The same without waiting: rows another transaction holds are skipped, so a batch can leave their changes to
     * its next round instead of waiting for the other batch's commit (ADR 0024).
     */
    private static final PreparedSql FIND_BY_KEYS_UNLESS_BUSY = PreparedSql.of(DSL.selectFrom(TEMPLATES)
            .where(byKeys()).orderBy(TEMPLATES.ID).forUpdate().skipLocked());
    /** Which of the keys are stored, without reading or locking the rows (the skipped ones are busy, not absent). */
    private static final PreparedSql STORED_KEYS = PreparedSql.of(DSL.select(TEMPLATES.WABA_ID, TEMPLATES.META_TEMPLATE_ID)
            .from(TEMPLATES).where(byKeys()));

    private final DSLContext dsl;
    /** The update statements by the columns they write, rendered once each (the first MOST_UPDATE_SHAPES sets). */
    private final Map<List<Field<?>>, RevisionCheckedUpdate> updatesByColumns = new ConcurrentHashMap<>();

    /** The organisation's templates with the keys given as two arrays: one statement shape for any number of keys. */
    private static Condition byKeys() {
        return DSL.and(TEMPLATES.ORGANIZATION_ID.eq(DSL.param("o", TEMPLATES.ORGANIZATION_ID)),
                // Always true of a key; it lets PostgreSQL use the partial unique index on the key.
                TEMPLATES.META_TEMPLATE_ID.isNotNull(),
                DSL.condition("({0}, {1}) IN (SELECT * FROM unnest(CAST({2} AS varchar[]), CAST({3} AS varchar[])))",
                        TEMPLATES.WABA_ID, TEMPLATES.META_TEMPLATE_ID, DSL.param("w", String[].class),
                        DSL.param("m", String[].class)));
    }

    public JooqTemplateRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void add(MessageTemplate template) {
        // Two deliveries about a template never seen before may both create it; the second one
        // finds the (WABA, Meta id) taken and retries on the stored template.
        int inserted = INSERT.execute(dsl, PreparedSql.values(TemplateRowMapper.toRecord(template.snapshot())));
        if (inserted == 0) {
            throw new ConcurrentModification("template", template.id(), template.revision());
        }
    }

    @Override
    public void update(MessageTemplate template) {
        write(UPDATE_ALL, List.of(template.snapshot()), List.of(TemplateRowMapper.toRecord(template.snapshot())));
    }

    @Override
    public List<MessageTemplate> findByKeys(OrganizationId organizationId, Collection<TemplateKey> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return FIND_BY_KEYS_LOCKED.fetch(dsl, TEMPLATES, keyValues(organizationId, keys))
                .map(r -> MessageTemplate.reconstitute(TemplateRowMapper.toSnapshot(r)));
    }

    private static Object[] keyValues(OrganizationId organizationId, Collection<TemplateKey> keys) {
        return new Object[] {organizationId.value(),
                keys.stream().map(key -> key.wabaId().value()).toArray(String[]::new),
                keys.stream().map(key -> key.metaTemplateId().value()).toArray(String[]::new)};
    }

    private static TemplateKey keyOf(TemplateSnapshot snapshot) {
        return new TemplateKey(snapshot.wabaId(), snapshot.metaTemplateId().orElseThrow());
    }

    @Override
    public AvailableTemplates findByKeysUnlessBusy(OrganizationId organizationId, Collection<TemplateKey> keys) {
        if (keys.isEmpty()) {
            return new AvailableTemplates(List.of(), Set.of());
        }
        List<MessageTemplate> found = FIND_BY_KEYS_UNLESS_BUSY.fetch(dsl, TEMPLATES, keyValues(organizationId, keys))
                .map(r -> MessageTemplate.reconstitute(TemplateRowMapper.toSnapshot(r)));
        Set<TemplateKey> missing = new HashSet<>(keys);
        found.forEach(template -> missing.remove(keyOf(template.snapshot())));
        if (missing.isEmpty()) {
            return new AvailableTemplates(found, Set.of());
        }
        // Skipped: stored but held by another transaction. Not stored at all: a template to create.
        Set<TemplateKey> busy = new HashSet<>(STORED_KEYS.fetchRows(dsl, row -> new TemplateKey(
                new WabaId(row.getString(1)), new MetaTemplateId(row.getString(2))), keyValues(organizationId, missing)));
        return new AvailableTemplates(found, busy);
    }

    @Override
    public void addAll(List<MessageTemplate> templates) {
        int[] counts = INSERT.batch(dsl, templates.stream()
                .map(t -> PreparedSql.values(TemplateRowMapper.toRecord(t.snapshot()))).toList());
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                throw new ConcurrentModification("template", templates.get(i).id(), 0);
            }
        }
    }

    /**
     * One statement for the set, writing only the columns some template of it changed: every write of a template
     * checks and moves its revision, so a row still at the loaded revision is the loaded one and holds the other
     * values already (the inbox has also locked it since it read it). A status change then sends neither the content
     * nor the approved-edit times of every template again.
     */
    @Override
    public void updateAll(List<ChangedTemplate> templates) {
        if (templates.isEmpty()) {
            return;
        }
        TemplateRowMapper.ChangedRows changed = TemplateRowMapper.changedRows(templates);
        write(updateOf(changed.columns()), templates.stream().map(ChangedTemplate::changed).toList(), changed.rows());
    }

    private RevisionCheckedUpdate updateOf(List<Field<?>> columns) {
        RevisionCheckedUpdate kept = updatesByColumns.get(columns);
        if (kept != null) {
            return kept;
        }
        RevisionCheckedUpdate built = new RevisionCheckedUpdate(TEMPLATES, columns.toArray(Field<?>[]::new));
        if (updatesByColumns.size() < MOST_UPDATE_SHAPES) {
            updatesByColumns.putIfAbsent(columns, built);
        }
        return built;
    }

    private void write(RevisionCheckedUpdate statement, List<TemplateSnapshot> snapshots, List<TemplatesRecord> rows) {
        statement.firstStale(dsl, rows, snapshots.stream().map(s -> new RevisionCheckedUpdate.Key(
                s.organizationId().value(), s.id().value(), s.revision())).toList()).ifPresent(i -> {
                    TemplateSnapshot stale = snapshots.get(i);
                    throw new ConcurrentModification("template", stale.id(), stale.revision());
                });
    }

    @Override
    public Optional<MessageTemplate> findById(OrganizationId organizationId, TemplateId id) {
        return FIND_BY_ID.fetch(dsl, TEMPLATES, organizationId.value(), id.value()).stream().findFirst()
                .map(r -> MessageTemplate.reconstitute(TemplateRowMapper.toSnapshot(r)));
    }

    @Override
    public Optional<OrganizationId> ownerOf(TemplateId id) {
        return dsl.select(TEMPLATES.ORGANIZATION_ID).from(TEMPLATES).where(TEMPLATES.ID.eq(id.value()))
                .fetchOptional(r -> new OrganizationId(r.value1()));
    }

    @Override
    public Optional<MessageTemplate> findByKey(OrganizationId organizationId, TemplateKey key) {
        return FIND_BY_KEY.fetch(dsl, TEMPLATES, organizationId.value(), key.wabaId().value(),
                        key.metaTemplateId().value()).stream().findFirst()
                .map(r -> MessageTemplate.reconstitute(TemplateRowMapper.toSnapshot(r)));
    }

    @Override
    public List<TemplateSnapshot> findByName(OrganizationId organizationId, WabaId wabaId, TemplateName name,
                                             LanguageCode language) {
        return dsl.selectFrom(TEMPLATES)
                .where(TEMPLATES.ORGANIZATION_ID.eq(organizationId.value()), TEMPLATES.WABA_ID.eq(wabaId.value()),
                        TEMPLATES.NAME.eq(name.value()), TEMPLATES.LANGUAGE.eq(language.value()))
                .fetch().map(TemplateRowMapper::toSnapshot);
    }

    @Override
    public void delete(OrganizationId organizationId, TemplateId id) {
        UUID org = organizationId.value();
        UUID template = id.value();
        dsl.deleteFrom(TEMPLATE_VERSIONS).where(TEMPLATE_VERSIONS.ORGANIZATION_ID.eq(org),
                TEMPLATE_VERSIONS.TEMPLATE_ID.eq(template)).execute();
        dsl.deleteFrom(TEMPLATE_HISTORY).where(TEMPLATE_HISTORY.ORGANIZATION_ID.eq(org),
                TEMPLATE_HISTORY.TEMPLATE_ID.eq(template)).execute();
        dsl.deleteFrom(QUALITY_HISTORY).where(QUALITY_HISTORY.ORGANIZATION_ID.eq(org),
                QUALITY_HISTORY.TEMPLATE_ID.eq(template)).execute();
        dsl.deleteFrom(TEMPLATES).where(TEMPLATES.ORGANIZATION_ID.eq(org), TEMPLATES.ID.eq(template)).execute();
    }

    @Override
    public Page<TemplateSnapshot> list(TemplateFilter filter, PageRequest page) {
        Condition where = conditions(filter);
        List<TemplateSnapshot> items = dsl.selectFrom(TEMPLATES).where(where)
                .orderBy(order(filter))
                .limit(page.size()).offset(page.offset())
                .fetch().map(TemplateRowMapper::toSnapshot);
        return new Page<>(items, page.page(), page.size(), dsl.fetchCount(TEMPLATES, where));
    }

    private static List<Field<?>> placeholders(Field<?>[] fields) {
        List<Field<?>> params = new ArrayList<>();
        for (Field<?> field : fields) {
            params.add(DSL.param(field.getName(), field));
        }
        return params;
    }

    /** The caller's order ({@link TemplateSortField}), or name, language and id. */
    private static List<org.jooq.SortField<?>> order(TemplateFilter filter) {
        return filter.sort().map(sort -> SortOrders.by(switch (sort.field()) {
            case NAME -> SortOrders.text(TEMPLATES.NAME);
            case LANGUAGE -> SortOrders.text(TEMPLATES.LANGUAGE);
            case STATUS -> SortOrders.declared(TEMPLATES.STATUS, TemplateStatus.class);
            case QUALITY -> SortOrders.declared(TEMPLATES.QUALITY, QualityRating.class);
            case CATEGORY -> SortOrders.declared(TEMPLATES.CATEGORY, TemplateCategory.class);
            case CREATED_AT -> TEMPLATES.CREATED_AT;
            case UPDATED_AT -> TEMPLATES.UPDATED_AT;
        }, sort.descending(), TEMPLATES.ID)).orElse(List.of(TEMPLATES.NAME.asc(), TEMPLATES.LANGUAGE.asc(),
                TEMPLATES.ID.asc()));
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
