package dev.warden.adapters.persistence;

import java.lang.reflect.Array;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.Table;

/**
 * Many rows given to one statement as one array per column, read back as rows by {@code unnest(…) AS d(…)}: one
 * statement and one plan for a whole batch, where a JDBC batch executes (and, under {@code plan_cache_mode =
 * force_custom_plan}, ADR 0007, plans) the statement once per row. PostgreSQL cannot unnest an array of arrays, so a
 * {@code timestamptz[]} column travels as array literals (text) and a {@code jsonb} one as JSON text; {@link
 * #column} casts them back.
 */
final class ColumnArrays {

    private ColumnArrays() {
    }

    /** {@code CAST(? AS type[]), …}: one parameter per field, in order, for {@code unnest(…)}. */
    static String parameters(Field<?>[] fields) {
        return Stream.of(fields).map(field -> "CAST(? AS " + arrayType(field.getType()) + ")")
                .collect(Collectors.joining(", "));
    }

    /** The fields' names, quoted, in order: the column list of {@code unnest(…) AS d (…)}. */
    static String names(Field<?>[] fields) {
        return Stream.of(fields).map(ColumnArrays::quoted).collect(Collectors.joining(", "));
    }

    /** The value of {@code field} in the unnested row {@code alias}, cast back to the column's type. */
    static String column(String alias, Field<?> field) {
        String value = alias + "." + quoted(field);
        if (field.getType() == JSONB.class) {
            return "CAST(" + value + " AS jsonb)";
        } else if (field.getType() == OffsetDateTime[].class) {
            return "CAST(" + value + " AS timestamptz[])";
        }
        return value;
    }

    /**
     * {@code INSERT} of many rows over arrays, in the rows' order (an identity column such as {@code seq} follows it);
     * its parameters are {@link #values} of {@code fields}.
     */
    static PreparedSql insertInOrder(Table<?> table, Field<?>[] fields) {
        return PreparedSql.ofSql(insertInOrderSql(table, fields), fields.length);
    }

    /** The SQL of {@link #insertInOrder}, for a statement that adds to it (an {@code ON CONFLICT}, a CTE around it). */
    static String insertInOrderSql(Table<?> table, Field<?>[] fields) {
        return "INSERT INTO " + table.getName() + " (" + names(fields) + ") SELECT "
                + Stream.of(fields).map(field -> column("d", field)).collect(Collectors.joining(", "))
                + " FROM unnest(" + parameters(fields) + ") WITH ORDINALITY AS d (" + names(fields) + ", position)"
                + " ORDER BY position";
    }

    static String quoted(Field<?> field) {
        return '"' + field.getName() + '"';
    }

    /** One array per field, in the order of {@link #parameters}, each with the records' values in their order. */
    static Object[] values(Field<?>[] fields, List<? extends Record> records) {
        Object[] values = new Object[fields.length];
        for (int column = 0; column < fields.length; column++) {
            Class<?> type = fields[column].getType();
            Object array = Array.newInstance(type == JSONB.class || type == OffsetDateTime[].class ? String.class : type,
                    records.size());
            for (int row = 0; row < records.size(); row++) {
                Array.set(array, row, asArrayElement(records.get(row).get(fields[column])));
            }
            values[column] = array;
        }
        return values;
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
        throw new IllegalArgumentException("no array type for a column of type " + type.getName());
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
