package dev.warden.adapters.persistence;

import dev.warden.adapters.persistence.jooq.tables.records.TemplatesRecord;
import dev.warden.domain.template.TemplateSnapshot;
import java.lang.reflect.Array;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jooq.Field;
import org.jooq.JSONB;

/**
 * Many templates updated by one statement over arrays, one array per column: {@code UPDATE … FROM unnest(…)},
 * each row checked against the revision it was read with. One JDBC batch of single-row updates was the inbox
 * drain's most executed statement, each execution planned afresh ({@code plan_cache_mode = force_custom_plan},
 * ADR 0007). PostgreSQL cannot unnest an array of arrays, so the approved-edit times travel as array literals
 * (text), and the content as JSON text; both are cast back in the statement.
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
        String set = Stream.of(UPDATED).map(field -> quoted(field) + " = " + fromRow(field))
                .collect(Collectors.joining(", "));
        String arrays = Stream.concat(Stream.of(UPDATED).map(field -> "CAST(? AS " + arrayType(field.getType()) + ")"),
                Stream.of("CAST(? AS uuid[])", "CAST(? AS uuid[])", "CAST(? AS int8[])")).collect(Collectors.joining(", "));
        String names = Stream.concat(Stream.of(UPDATED).map(TemplateUpdates::quoted),
                Stream.of("key_organization_id", "key_id", "key_revision", "position")).collect(Collectors.joining(", "));
        return "UPDATE templates AS t SET " + set + ", revision = t.revision + 1"
                + " FROM unnest(" + arrays + ") WITH ORDINALITY AS d (" + names + ")"
                + " WHERE t.organization_id = d.key_organization_id AND t.id = d.key_id AND t.revision = d.key_revision"
                + " RETURNING d.position";
    }

    private static String quoted(Field<?> field) {
        return '"' + field.getName() + '"';
    }

    private static String fromRow(Field<?> field) {
        String value = "d." + quoted(field);
        if (field.getType() == JSONB.class) {
            return "CAST(" + value + " AS jsonb)";
        } else if (field.getType() == OffsetDateTime[].class) {
            return "CAST(" + value + " AS timestamptz[])";
        }
        return value;
    }

    private static String arrayType(Class<?> type) {
        if (type == String.class || type == JSONB.class || type == OffsetDateTime[].class) {
            return "text[]";
        } else if (type == UUID.class) {
            return "uuid[]";
        } else if (type == Boolean.class) {
            return "boolean[]";
        } else if (type == Integer.class) {
            return "int4[]";
        } else if (type == Long.class) {
            return "int8[]";
        } else if (type == OffsetDateTime.class) {
            return "timestamptz[]";
        }
        throw new IllegalArgumentException("no array type for a templates column of type " + type.getName());
    }

    private static Object[] values(List<TemplateSnapshot> snapshots) {
        List<TemplatesRecord> records = snapshots.stream().map(TemplateRowMapper::toRecord).toList();
        Object[] values = new Object[UPDATED.length + 3];
        for (int column = 0; column < UPDATED.length; column++) {
            Field<?> field = UPDATED[column];
            Class<?> type = field.getType();
            Object array = Array.newInstance(type == JSONB.class || type == OffsetDateTime[].class ? String.class : type,
                    records.size());
            for (int row = 0; row < records.size(); row++) {
                Array.set(array, row, asArrayElement(records.get(row).get(field)));
            }
            values[column] = array;
        }
        values[UPDATED.length] = snapshots.stream().map(s -> s.organizationId().value()).toArray(UUID[]::new);
        values[UPDATED.length + 1] = snapshots.stream().map(s -> s.id().value()).toArray(UUID[]::new);
        values[UPDATED.length + 2] = snapshots.stream().map(TemplateSnapshot::revision).toArray(Long[]::new);
        return values;
    }

    private static Object asArrayElement(Object value) {
        if (value instanceof JSONB json) {
            return json.data();
        } else if (value instanceof OffsetDateTime[] times) {
            return Stream.of(times).map(time -> '"' + DateTimeFormatter.ISO_INSTANT.format(time) + '"')
                    .collect(Collectors.joining(",", "{", "}"));
        }
        return value;
    }
}
