package dev.warden.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.application.port.out.ServerLog;
import dev.warden.application.port.out.UnitOfWork;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DataSourceConnectionProvider;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.ThreadLocalTransactionProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two instances on one database: what either sends, both receive, each over its own listening connection. */
class PostgresEventBroadcastIT {

    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final DSLContext dsl = new DefaultConfiguration().set(SQLDialect.POSTGRES).set(
            new ThreadLocalTransactionProvider(new DataSourceConnectionProvider(TestDatabase.dataSource()))).dsl();
    private final PostgresEventBroadcast first = broadcast();
    private final PostgresEventBroadcast second = broadcast();

    private PostgresEventBroadcast broadcast() {
        UnitOfWork transactions = new UnitOfWork() {
            @Override
            public <T> T inTransaction(Supplier<T> work) {
                return dsl.transactionResult(() -> work.get());
            }
        };
        ServerLog log = new ServerLog() {
            @Override
            public void internalError(String reference, String what, Throwable cause) {
                warnings.add(what + ": " + cause);
            }

            @Override
            public void warning(String what) {
                warnings.add(what);
            }

            @Override
            public void warning(String what, Throwable cause) {
                warnings.add(what + ": " + cause);
            }
        };
        return new PostgresEventBroadcast(dsl, transactions, log, TestDatabase.jdbcUrl(), "postgres", "postgres");
    }

    @AfterEach
    void stop() throws InterruptedException {
        first.stop();
        second.stop();
    }

    @Test
    void what_one_instance_sends_every_instance_receives_in_order() {
        List<String> atFirst = new CopyOnWriteArrayList<>();
        List<String> atSecond = new CopyOnWriteArrayList<>();
        first.receiveWith(atFirst::add);
        second.receiveWith(atSecond::add);
        String quoted = "{\"subject\":\"template\",\"text\":\"it's \\\"quoted\\\" — ünïcode\"}";

        // The listeners connect in the background: send until the first message arrives, then the rest.
        waitFor(() -> {
            first.send("ping");
            return atSecond.contains("ping") && atFirst.contains("ping");
        });
        first.send("one");
        second.send(quoted);
        first.send("x".repeat(PostgresEventBroadcast.MAX_MESSAGE + 1));
        // Fewer characters than the limit, more bytes: PostgreSQL counts bytes.
        first.send("é".repeat(PostgresEventBroadcast.MAX_MESSAGE / 2 + 1));
        first.send("two");

        waitFor(() -> atSecond.contains("two") && atFirst.contains("two") && atFirst.contains(quoted)
                && atSecond.contains(quoted));
        // One sender keeps its order; the other instance's message may come anywhere between.
        assertThat(atSecond.subList(atSecond.indexOf("one"), atSecond.size())).doesNotContain("ping")
                .containsSubsequence("one", "two");
        assertThat(atFirst).noneMatch(m -> m.length() > PostgresEventBroadcast.MAX_MESSAGE / 2);
        assertThat(warnings).hasSize(2).allSatisfy(w -> assertThat(w).asString().contains("was not broadcast"));
    }

    @Test
    void a_burst_sent_in_batches_arrives_whole_and_in_order() {
        List<String> received = new CopyOnWriteArrayList<>();
        second.receiveWith(received::add);
        waitFor(() -> {
            first.send("ping");
            return received.contains("ping");
        });
        // Many more than one transaction's batch, sent faster than the sender takes them.
        List<String> burst = IntStream.range(0, 750).mapToObj(i -> "event " + i).toList();
        burst.forEach(first::send);

        waitFor(() -> received.contains("event 749"));
        assertThat(received.stream().filter(m -> m.startsWith("event ")).toList()).isEqualTo(burst);
    }

    private static void waitFor(Supplier<Boolean> condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (!condition.get()) {
            assertThat(Instant.now()).as("still waiting for the broadcast").isBefore(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
