package dev.warden.adapters.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.postgresql.ds.PGSimpleDataSource;

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
                migrateToLatest(dataSource);
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

    /** A database of its own on the test server, migrated up to {@code version}: for a test of a later migration. */
    static PGSimpleDataSource databaseAtVersion(String version) throws SQLException {
        PGSimpleDataSource database = emptyServerDatabase();
        Flyway.configure().dataSource(database).locations("classpath:db/migration").target(version).load().migrate();
        return database;
    }

    /** Runs every migration {@code database} has not had yet. */
    static void migrateToLatest(DataSource database) {
        Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
    }

    private static PGSimpleDataSource emptyServerDatabase() throws SQLException {
        String name = "migration_" + UUID.randomUUID().toString().replace("-", "");
        String url;
        try (Connection connection = dataSource().getConnection()) {
            url = connection.getMetaData().getURL();
            connection.createStatement().execute("CREATE DATABASE " + name);
        }
        PGSimpleDataSource database = new PGSimpleDataSource();
        database.setURL(url.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1"));
        database.setUser("postgres");
        return database;
    }

    static DSLContext emptyDatabase() {
        DSLContext dsl = DSL.using(dataSource(), SQLDialect.POSTGRES);
        dsl.execute("TRUNCATE organizations, users, whatsapp_accounts, templates, template_versions, template_history,"
                + " quality_history, campaigns, campaign_hold_history, alerts, customer_service_windows, instance_settings"
                + " CASCADE");
        return dsl;
    }
}
