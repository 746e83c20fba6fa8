package dev.warden.adapters.persistence;

import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/**
 * Many rows of a table keyed by {@code (organization_id, id)} updated by one statement over arrays
 * ({@link ColumnArrays}): {@code UPDATE … FROM unnest(…) WITH ORDINALITY}, each row only if its revision is still
 * the one it was read with, the revision then one higher. A JDBC batch of single-row updates planned every execution afresh
 * ({@code plan_cache_mode = force_custom_plan}, ADR 0007); the inbox drain ran one per template and per alert.
 */
final class RevisionCheckedUpdate {

    /** Which row a record updates, and the revision it was read with. */
    record Key(UUID organizationId, UUID id, long revision) {
    }

    private final Field<?>[] updated;
    private final PreparedSql statement;

    /** {@code updated}: the columns written, all but the key, the revision and what never changes. */
    RevisionCheckedUpdate(Table<?> table, Field<?>[] updated) {
        this.updated = updated.clone();
        String set = Stream.of(updated)
                .map(field -> ColumnArrays.quoted(field) + " = " + ColumnArrays.column("d", field))
                .collect(Collectors.joining(", "));
        this.statement = PreparedSql.ofSql("UPDATE " + table.getName() + " AS t SET " + set
                + ", revision = t.revision + 1 FROM unnest(" + ColumnArrays.parameters(updated)
                + ", CAST(? AS uuid[]), CAST(? AS uuid[]), CAST(? AS int8[])) WITH ORDINALITY AS d ("
                + ColumnArrays.names(updated) + ", key_organization_id, key_id, key_revision, position)"
                + " WHERE t.organization_id = d.key_organization_id AND t.id = d.key_id AND t.revision = d.key_revision"
                + " RETURNING d.position", updated.length + 3);
    }

    /**
     * Writes {@code rows} (the updated columns of each) to the rows {@code keys} name, in the same order; answers the
     * index of the first not updated: changed since it was read, not stored, or there twice (a row is updated once).
     * The caller refuses the whole set, and its transaction undoes the others.
     */
    OptionalInt firstStale(DSLContext dsl, List<? extends Record> rows, List<Key> keys) {
        Object[] values = new Object[updated.length + 3];
        System.arraycopy(ColumnArrays.values(updated, rows), 0, values, 0, updated.length);
        values[updated.length] = keys.stream().map(Key::organizationId).toArray(UUID[]::new);
        values[updated.length + 1] = keys.stream().map(Key::id).toArray(UUID[]::new);
        values[updated.length + 2] = keys.stream().map(Key::revision).toArray(Long[]::new);
        Set<Long> positions = new HashSet<>(statement.fetchColumn(dsl, Long.class, values));
        for (int i = 0; i < keys.size(); i++) {
            if (!positions.contains(i + 1L)) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }
}
