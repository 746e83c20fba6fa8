package dev.warden.bootstrap;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Test only: a request whose SQL the database refuses, to see what a caller and the log get. */
@Controller("/test-only/defects")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Requires(env = Environment.TEST)
class DatabaseDefectController {

    private final DataSource dataSource;

    DatabaseDefectController(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Get("/database")
    @Connectable
    String database() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute("select * from no_such_table_for_the_log_test");
            return "unreachable";
        }
    }
}
