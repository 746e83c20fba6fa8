package dev.warden.adapters.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.conf.ParamType;
import org.jooq.impl.DSL;

/**
 * SQL of a fixed shape on the webhook hot path, rendered by jOOQ once and then executed as a
 * plain JDBC prepared statement on the transaction's connection. Profiling showed jOOQ's
 * per-call rendering (of the wide templates statements above all) as the pipeline's largest
 * cost; the typed DSL still writes the SQL, so a renamed column fails the build, not production.
 */
final class PreparedSql {

    private final String sql;
    private final int parameters;

    private PreparedSql(String sql, int parameters) {
        this.sql = sql;
        this.parameters = parameters;
    }

    /** Renders {@code query}, written with {@code DSL.param} placeholders, for PostgreSQL. */
    static PreparedSql of(Query query) {
        String rendered = DSL.using(SQLDialect.POSTGRES).renderContext().paramType(ParamType.INDEXED)
                .visit(query).render();
        return new PreparedSql(rendered, query.getBindValues().size());
    }

    /**
     * SQL the DSL cannot write (a data-modifying CTE, or a query over {@code unnest} of array parameters), with
     * {@code parameters} JDBC placeholders; its integration test is what guards its column names.
     */
    static PreparedSql ofSql(String sql, int parameters) {
        return new PreparedSql(sql, parameters);
    }

    /**
     * A record's values in its fields' order, for a statement rendered with those fields. Not
     * {@code Record.intoArray()}: that builds a record mapper through a cache tied to the record's configuration,
     * which a detached record does not keep, so it was rebuilt for every row (5 % of the drain's JVM samples).
     */
    static Object[] values(Record record) {
        Object[] values = new Object[record.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = record.get(i);
        }
        return values;
    }

    /** The first column of every row the statement answers (a query, or a change with RETURNING). */
    <T> List<T> fetchColumn(DSLContext dsl, Class<T> type, Object... values) {
        return fetchRows(dsl, row -> row.getObject(1, type), values);
    }

    /** Reads one row of a result: the columns of the current row, by index. */
    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** Every row the query answers, each read by {@code reader}. */
    <T> List<T> fetchRows(DSLContext dsl, RowReader<T> reader, Object... values) {
        return dsl.connectionResult(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(connection, statement, values);
                List<T> rows = new ArrayList<>();
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        rows.add(reader.read(result));
                    }
                }
                return rows;
            }
        });
    }

    int execute(DSLContext dsl, Object... values) {
        return dsl.connectionResult(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(connection, statement, values);
                return statement.executeUpdate();
            }
        });
    }

    /** One prepared statement executed for every row, in one round trip (a JDBC batch). */
    int[] batch(DSLContext dsl, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return new int[0];
        }
        return dsl.connectionResult(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (Object[] row : rows) {
                    bind(connection, statement, row);
                    statement.addBatch();
                }
                return statement.executeBatch();
            }
        });
    }

    /**
     * One prepared INSERT executed for every row in one JDBC batch (one round trip), returning the
     * generated {@code column} of each row in the order of the rows.
     */
    List<Long> batchReturning(DSLContext dsl, List<Object[]> rows, String column) {
        return dsl.connectionResult(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql, new String[] {column})) {
                for (Object[] row : rows) {
                    bind(connection, statement, row);
                    statement.addBatch();
                }
                statement.executeBatch();
                List<Long> keys = new ArrayList<>(rows.size());
                try (ResultSet generated = statement.getGeneratedKeys()) {
                    while (generated.next()) {
                        keys.add(generated.getLong(1));
                    }
                }
                return keys;
            }
        });
    }

    /**
     * The rows of a statement that answers every column of {@code table} in its declared order (a {@code selectFrom},
     * or {@code RETURNING} of the whole row), read straight into the table's records. Not jOOQ's {@code fetch(ResultSet,
     * fields).into(table)}: that builds every row twice, as generic records and then as the table's, and parses each
     * time stamp from its text; it was a sixth of the JVM's samples in a profile of the inbox drain.
     */
    <R extends Record> Result<R> fetch(DSLContext dsl, Table<R> table, Object... values) {
        Field<?>[] fields = table.fields();
        ColumnReader[] readers = new ColumnReader[fields.length];
        for (int i = 0; i < fields.length; i++) {
            readers[i] = ColumnReader.of(fields[i].getType());
        }
        return dsl.connectionResult(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(connection, statement, values);
                Result<R> result = dsl.newResult(table);
                try (ResultSet rows = statement.executeQuery()) {
                    requireColumnsOf(table, rows.getMetaData());
                    while (rows.next()) {
                        R record = table.newRecord();
                        for (int i = 0; i < fields.length; i++) {
                            set(record, fields[i], readers[i].read(rows, i + 1));
                        }
                        record.changed(false);
                        result.add(record);
                    }
                }
                return result;
            }
        });
    }

    /** The rows are read by position: a statement whose columns are not the table's, in order, is a defect. */
    private static void requireColumnsOf(Table<?> table, java.sql.ResultSetMetaData columns) throws SQLException {
        Field<?>[] fields = table.fields();
        boolean same = columns.getColumnCount() == fields.length;
        for (int i = 0; same && i < fields.length; i++) {
            same = fields[i].getName().equals(columns.getColumnName(i + 1));
        }
        if (!same) {
            throw new IllegalStateException("a statement read as " + table.getName() + " does not answer its columns"
                    + " in their order");
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> void set(Record record, Field<T> field, Object value) {
        record.set(field, (T) value);
    }

    /**
     * Reads one column of the current row as the Java type jOOQ generated for it (no converters are configured);
     * the types of the tables read this way have readers of their own, any other goes through the driver.
     */
    @FunctionalInterface
    private interface ColumnReader {

        Object read(ResultSet row, int column) throws SQLException;

        static ColumnReader of(Class<?> type) {
            if (type == String.class) {
                return ResultSet::getString;
            } else if (type == UUID.class) {
                return (row, column) -> row.getObject(column, UUID.class);
            } else if (type == OffsetDateTime.class) {
                return (row, column) -> row.getObject(column, OffsetDateTime.class);
            } else if (type == Boolean.class) {
                return (row, column) -> {
                    boolean value = row.getBoolean(column);
                    return row.wasNull() ? null : value;
                };
            } else if (type == Integer.class) {
                return (row, column) -> {
                    int value = row.getInt(column);
                    return row.wasNull() ? null : value;
                };
            } else if (type == Long.class) {
                return (row, column) -> {
                    long value = row.getLong(column);
                    return row.wasNull() ? null : value;
                };
            } else if (type == JSONB.class) {
                return (row, column) -> JSONB.jsonbOrNull(row.getString(column));
            } else if (type == OffsetDateTime[].class) {
                return PreparedSql::times;
            }
            return (row, column) -> row.getObject(column, type);
        }
    }

    /** A {@code timestamptz[]}: the driver gives {@link java.sql.Timestamp}s, instants in the JVM's time zone. */
    private static OffsetDateTime[] times(ResultSet row, int column) throws SQLException {
        java.sql.Array array = row.getArray(column);
        if (array == null) {
            return null;
        }
        Object[] elements = (Object[]) array.getArray();
        OffsetDateTime[] times = new OffsetDateTime[elements.length];
        for (int i = 0; i < elements.length; i++) {
            times[i] = elements[i] == null ? null
                    : ((java.sql.Timestamp) elements[i]).toInstant().atOffset(ZoneOffset.UTC);
        }
        return times;
    }

    private void bind(Connection connection, PreparedStatement statement, Object[] values) throws SQLException {
        if (values.length != parameters) {
            throw new IllegalArgumentException("expected " + parameters + " values, got " + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            int index = i + 1;
            if (value == null) {
                statement.setNull(index, Types.NULL);
            } else if (value instanceof JSONB json) {
                statement.setString(index, json.data());
            } else if (value instanceof OffsetDateTime[] times) {
                statement.setArray(index, connection.createArrayOf("timestamptz", times));
            } else if (value instanceof UUID[] uuids) {
                statement.setArray(index, connection.createArrayOf("uuid", uuids));
            } else if (value instanceof Long[] longs) {
                statement.setArray(index, connection.createArrayOf("int8", longs));
            } else if (value instanceof Integer[] integers) {
                statement.setArray(index, connection.createArrayOf("int4", integers));
            } else if (value instanceof Boolean[] booleans) {
                statement.setArray(index, connection.createArrayOf("bool", booleans));
            } else if (value instanceof String[] strings) {
                statement.setArray(index, connection.createArrayOf("text", strings));
            } else {
                statement.setObject(index, value);
            }
        }
    }
}
