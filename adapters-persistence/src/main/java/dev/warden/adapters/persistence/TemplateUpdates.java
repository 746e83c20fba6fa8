package dev.warden.adapters.persistence;

import dev.warden.domain.template.TemplateSnapshot;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jooq.Field;

/**
 * Many templates updated by one statement over arrays, one array per column ({@link ColumnArrays}): {@code UPDATE …
 * FROM unnest(…)}, each row checked against the revision it was read with. One JDBC batch of single-row updates was
 * the inbox drain's most executed statement, each execution planned afresh.
 */
final class TemplateUpdates {

    private static final Field<?>[] UPDATED = TemplateRowMapper.updatableFields();
    private static final PreparedSql UPDATE_ALL = PreparedSql.ofSql(sql(), UPDATED.length + 3);

    private TemplateUpdates() {
    }

    /**
     * The positions (from 1) in {@code snapshots} of the templates updated: a template whose position is missing was
     * changed since it was read (or is not stored, or is there twice: a row is updated once).
     */
    static List<Long> updateAll(org.jooq.DSLContext dsl, List<TemplateSnapshot> snapshots) {
        return UPDATE_ALL.fetchColumn(dsl, Long.class, values(snapshots));
    }

    private static String sql() {
        String set = Stream.of(UPDATED).map(field -> ColumnArrays.quoted(field) + " = " + ColumnArrays.column("d", field))
                .collect(Collectors.joining(", "));
        return "UPDATE templates AS t SET " + set + ", revision = t.revision + 1"
                + " FROM unnest(" + ColumnArrays.parameters(UPDATED) + ", CAST(? AS uuid[]), CAST(? AS uuid[]),"
                + " CAST(? AS int8[])) WITH ORDINALITY AS d (" + ColumnArrays.names(UPDATED)
                + ", key_organization_id, key_id, key_revision, position)"
                + " WHERE t.organization_id = d.key_organization_id AND t.id = d.key_id AND t.revision = d.key_revision"
                + " RETURNING d.position";
    }

    private static Object[] values(List<TemplateSnapshot> snapshots) {
        Object[] values = new Object[UPDATED.length + 3];
        System.arraycopy(ColumnArrays.values(UPDATED, snapshots.stream().map(TemplateRowMapper::toRecord).toList()), 0,
                values, 0, UPDATED.length);
        values[UPDATED.length] = snapshots.stream().map(s -> s.organizationId().value()).toArray(UUID[]::new);
        values[UPDATED.length + 1] = snapshots.stream().map(s -> s.id().value()).toArray(UUID[]::new);
        values[UPDATED.length + 2] = snapshots.stream().map(TemplateSnapshot::revision).toArray(Long[]::new);
        return values;
    }
}
