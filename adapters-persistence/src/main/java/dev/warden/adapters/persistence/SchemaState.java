package dev.warden.adapters.persistence;

import java.util.Arrays;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;

/**
 * Where a database's schema stands against the migrations this Warden carries, read from Flyway's
 * history without changing anything (for {@code warden doctor}; starting Warden migrates).
 *
 * @param version  the schema's version, {@code none} for a database Warden never migrated
 * @param pending  migrations this Warden carries that the database has not had
 * @param future   migrations the database has had that this Warden does not know (a newer Warden ran)
 * @param failed   migrations that failed part way
 */
public record SchemaState(String version, int pending, int future, int failed) {

    /** Reads the state of the database at {@code url}; a database that cannot be reached throws Flyway's exception. */
    public static SchemaState read(String url, String username, String password) {
        MigrationInfoService info = Flyway.configure().dataSource(url, username, password)
                .locations("classpath:db/migration").load().info();
        MigrationInfo current = info.current();
        MigrationInfo[] all = info.all();
        return new SchemaState(current == null || current.getVersion() == null ? "none"
                : current.getVersion().getVersion(), info.pending().length,
                (int) Arrays.stream(all).filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS
                        || m.getState() == MigrationState.FUTURE_FAILED).count(),
                (int) Arrays.stream(all).filter(m -> m.getState().isFailed()).count());
    }
}
