package dev.warden.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.application.port.in.ProcessWebhookChangeUseCase;
import dev.warden.application.port.out.UnitOfWork;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Every statement Warden runs is bounded in time, and the inbox claim cannot wait forever on a lock. */
@MicronautTest(transactional = false)
class DatabaseTimeoutsIT extends ApiTest {

    @Inject
    DataSource dataSource;

    @Inject
    UnitOfWork unitOfWork;

    @Inject
    ProcessWebhookChangeUseCase process;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("warden.inbox.workers.enabled", "false");
        properties.put("warden.database.statement-timeout", "1s");
        properties.put("warden.database.lock-timeout", "500ms");
        return properties;
    }

    private <T> T onWardensConnection(SqlWork<T> work) {
        return unitOfWork.inTransaction(() -> {
            try (Statement statement = dataSource.getConnection().createStatement()) {
                return work.run(statement);
            } catch (SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
    }

    private interface SqlWork<T> {
        T run(Statement statement) throws SQLException;
    }

    private static String show(Statement statement, String setting) throws SQLException {
        try (ResultSet r = statement.executeQuery("SHOW " + setting)) {
            r.next();
            return r.getString(1);
        }
    }

    @Test
    void a_statement_that_runs_past_the_timeout_is_cancelled() {
        assertThat(this.<String>onWardensConnection(s -> show(s, "statement_timeout"))).isEqualTo("1s");
        assertThat(this.<String>onWardensConnection(s -> show(s, "lock_timeout"))).isEqualTo("500ms");

        assertThatThrownBy(() -> this.<Boolean>onWardensConnection(s -> s.execute("SELECT pg_sleep(5)")))
                .hasMessageContaining("statement timeout");
    }

    @Test
    void the_inbox_claim_gives_up_on_a_table_lock_instead_of_hanging() throws Exception {
        try (Connection locker = DriverManager.getConnection(getProperties().get("datasources.default.url"),
                "postgres", "postgres")) {
            locker.setAutoCommit(false);
            locker.createStatement().execute("LOCK TABLE webhook_changes IN ACCESS EXCLUSIVE MODE");

            CompletableFuture<Boolean> claim = CompletableFuture.supplyAsync(process::processNext);

            assertThatThrownBy(() -> claim.get(20, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasStackTraceContaining("lock timeout");
            locker.rollback();
        }
        assertThat(process.processNext()).as("claims work again once the lock is gone").isIn(true, false);
    }
}
