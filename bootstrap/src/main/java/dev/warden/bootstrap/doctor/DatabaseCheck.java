package dev.warden.bootstrap.doctor;

import dev.warden.adapters.persistence.SchemaState;
import io.micronaut.core.value.PropertyResolver;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * The database: can Warden sign in to it, and is its schema the one this Warden expects? Reads
 * Flyway's history and changes nothing ({@code warden migrate} or starting Warden migrates). The
 * URL is shown without its user-info and query, where a password may be written, and so is every
 * message the driver or Flyway gives (DriverManager's "No suitable driver found for" quotes the URL).
 */
final class DatabaseCheck {

    static final String SUBJECT = "database";
    private static final int CONNECT_SECONDS = 10;

    private DatabaseCheck() {
    }

    /** Whether a database URL is configured at all (without one Warden runs its embedded PostgreSQL). */
    static boolean configured(PropertyResolver settings) {
        return !settings.getProperty("datasources.default.url", String.class, "").isBlank();
    }

    static Finding check(PropertyResolver settings) {
        if (!configured(settings)) {
            return Finding.notConfigured(SUBJECT, "Warden runs an embedded PostgreSQL with its data in "
                    + settings.getProperty("warden.data-dir", String.class, ".warden/postgres")
                    + "; for production set DATASOURCES_DEFAULT_URL (with _USERNAME and _PASSWORD)");
        }
        String url = settings.getProperty("datasources.default.url", String.class, "").strip();
        String username = settings.getProperty("datasources.default.username", String.class, "");
        String password = settings.getProperty("datasources.default.password", String.class, "");
        String where = shown(url);
        try (Connection ignored = DriverManager.getConnection(url, credentials(username, password))) {
            // Connected and signed in: what remains is the schema.
        } catch (SQLException e) {
            return Finding.fail(SUBJECT, "cannot connect to " + where + ": " + redacted(e.getMessage(), url)
                    + ". Check DATASOURCES_DEFAULT_URL, DATASOURCES_DEFAULT_USERNAME and DATASOURCES_DEFAULT_PASSWORD,"
                    + " and that PostgreSQL runs and this host may reach it");
        }
        try {
            return schema(where, SchemaState.read(url, username, password));
        } catch (RuntimeException e) {
            return Finding.fail(SUBJECT, "connected to " + where + " but could not read the schema's history: "
                    + redacted(e.getMessage(), url));
        }
    }

    private static Finding schema(String where, SchemaState state) {
        if (state.failed() > 0) {
            return Finding.fail(SUBJECT, where + ": " + state.failed() + " migration(s) failed part way (schema at"
                    + " version " + state.version() + "): repair the schema by hand, see flyway_schema_history");
        }
        if (state.future() > 0) {
            return Finding.fail(SUBJECT, where + ": the schema (version " + state.version() + ") has "
                    + state.future() + " migration(s) this Warden does not know: a newer Warden migrated it; run"
                    + " that version");
        }
        if (state.pending() > 0) {
            return Finding.warn(SUBJECT, where + ": " + state.pending() + " migration(s) pending (schema at version "
                    + state.version() + "): run 'warden migrate', or start Warden, which migrates first");
        }
        return Finding.ok(SUBJECT, where + ", schema up to date (version " + state.version() + ")");
    }

    private static Properties credentials(String username, String password) {
        Properties properties = new Properties();
        if (!username.isBlank()) {
            properties.setProperty("user", username);
        }
        if (!password.isEmpty()) {
            properties.setProperty("password", password);
        }
        properties.setProperty("connectTimeout", Integer.toString(CONNECT_SECONDS));
        properties.setProperty("loginTimeout", Integer.toString(CONNECT_SECONDS));
        return properties;
    }

    /** The URL without its user-info ({@code user:password@}), query and fragment, where a password may be written. */
    static String shown(String url) {
        String shown = url.split("[?#]", 2)[0];
        int authority = shown.indexOf("//");
        int userInfo = shown.lastIndexOf('@');
        return authority >= 0 && userInfo > authority
                ? shown.substring(0, authority + 2) + shown.substring(userInfo + 1) : shown;
    }

    /**
     * A driver's or Flyway's message on one line, with the configured URL in its shown form and any
     * other {@code password=} value or {@code user:password@} it quotes taken out.
     */
    static String redacted(String message, String url) {
        String line = oneLine(message);
        if (!url.isEmpty()) {
            line = line.replace(url, shown(url));
        }
        return line.replaceAll("(?i)(password=)[^&\\s;]*", "$1<hidden>")
                .replaceAll("//[^\\s@/]*(/[^\\s@/]*)*@", "//");
    }

    private static String oneLine(String message) {
        return message == null ? "no reason given" : message.replaceAll("\\s+", " ").strip();
    }
}
