package dev.warden.adapters.persistence;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.conf.ParamType;
import org.jooq.impl.DSL;

/**
 * SQL of a fixed shape, rendered by jOOQ once instead of on every call. Profiling the webhook
 * pipeline showed jOOQ's rendering of the wide templates statements as its largest cost; the
 * hot statements are rendered at class load and bound with typed parameters at run time.
 */
final class PreparedSql {

    private final String sql;
    private final Field<?>[] parameters;

    private PreparedSql(String sql, Field<?>[] parameters) {
        this.sql = sql;
        this.parameters = parameters;
    }

    /** Renders {@code query} (written with placeholder values) for PostgreSQL, with its parameters' types. */
    static PreparedSql of(Query query, Field<?>... parameters) {
        String rendered = DSL.using(SQLDialect.POSTGRES).renderContext().paramType(ParamType.INDEXED)
                .visit(query).render();
        return new PreparedSql(rendered, parameters);
    }

    /** The query with these values bound, in the order the parameters were declared. */
    Query query(DSLContext dsl, Object... values) {
        return dsl.query(sql, (Object[]) params(values));
    }

    /** One prepared statement executed for every row, in one round trip (a JDBC batch). */
    int[] batch(DSLContext dsl, java.util.List<Object[]> rows) {
        if (rows.isEmpty()) {
            return new int[0];
        }
        org.jooq.BatchBindStep batch = dsl.batch(query(dsl, new Object[parameters.length]));
        for (Object[] row : rows) {
            batch = batch.bind(row);
        }
        return batch.execute();
    }

    org.jooq.ResultQuery<org.jooq.Record> resultQuery(DSLContext dsl, Object... values) {
        return dsl.resultQuery(sql, (Object[]) params(values));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Param<?>[] params(Object... values) {
        if (values.length != parameters.length) {
            throw new IllegalArgumentException("expected " + parameters.length + " values, got " + values.length);
        }
        Param<?>[] params = new Param<?>[values.length];
        for (int i = 0; i < values.length; i++) {
            params[i] = DSL.val(values[i], (Field) parameters[i]);
        }
        return params;
    }
}
