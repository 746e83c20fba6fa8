package dev.warden.adapters.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/** One embedded PostgreSQL per test JVM, migrated once; tests empty the tables they use. */
final class TestDatabase {

    private static DataSource dataSource;

    private TestDatabase() {
    }

    static synchronized DataSource dataSource() {
        if (dataSource == null) {
            try {
                EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
                dataSource = postgres.getPostgresDatabase();
                Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
        }
        return dataSource;
    }

    /** The JDBC URL of the test server, for code that opens a connection of its own. */
    static String jdbcUrl() {
        return ((org.postgresql.ds.common.BaseDataSource) dataSource()).getUrl();
    }

    static DSLContext emptyDatabase() {
        DSLContext dsl = DSL.using(dataSource(), SQLDialect.POSTGRES);
        dsl.execute("TRUNCATE organizations, users, whatsapp_accounts, templates, template_versions, template_history,"
                + " quality_history, campaigns, campaign_hold_history, alerts, customer_service_windows, instance_settings"
                + " CASCADE");
        return dsl;
    }
}
