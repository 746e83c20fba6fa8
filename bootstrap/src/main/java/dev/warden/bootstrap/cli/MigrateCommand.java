package dev.warden.bootstrap.cli;

import java.util.concurrent.Callable;
import javax.sql.DataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code warden migrate}: Flyway brings the schema up to date (it runs as the datasource starts), then exits. */
@Command(name = "migrate",
        description = "Migrates the database schema and exits: no server, no background work.")
final class MigrateCommand implements Callable<Integer> {

    @ParentCommand
    private WardenCommand warden;

    @Override
    public Integer call() {
        return warden.operate(context -> {
            context.getBean(DataSource.class);
            return "The database schema is up to date.";
        });
    }
}
