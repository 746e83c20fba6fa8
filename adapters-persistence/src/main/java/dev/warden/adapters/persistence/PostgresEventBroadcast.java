package dev.warden.adapters.persistence;

import dev.warden.application.port.out.EventBroadcast;
import dev.warden.application.port.out.ServerLog;
import dev.warden.application.port.out.UnitOfWork;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Persistence adapter: the live events of every instance over PostgreSQL's LISTEN/NOTIFY (channel
 * {@value #CHANNEL}). Sending queues the message and returns; one thread sends what is queued with
 * {@code pg_notify}, many messages per transaction, so the webhook workers never wait for it. Receiving
 * holds one dedicated connection of its own (not one of the pool: LISTEN would pin it forever), opened
 * with the datasource's URL and credentials, reopened after a failure. Messages sent while the
 * listener is disconnected are lost, as the port allows.
 */
@Singleton
public final class PostgresEventBroadcast implements EventBroadcast {

    static final String CHANNEL = "warden_live";
    /** In UTF-8 bytes: PostgreSQL refuses payloads of 8000 bytes and more; live events are a few hundred. */
    static final int MAX_MESSAGE = 7000;
    private static final int QUEUE = 10_000;
    private static final int BATCH = 100;
    private static final long RETRY_MILLIS = 1000;
    /** How often the listening connection is asked {@code SELECT 1}: a dead TCP peer sends no error. */
    private static final long PROBE_MILLIS = 30_000;
    private static final long DRAIN_MILLIS = 2000;
    private static final long OVERFLOW_REPORT_MILLIS = 60_000;
    /**
     * The whole batch in one statement: a statement per message, rendered by jOOQ each time, was a fifth of
     * the JVM's time while the inbox drained (a few live events per change). {@code unnest} yields the
     * messages in array order, and PostgreSQL delivers a transaction's notifications in the order sent.
     */
    private static final PreparedSql NOTIFY = PreparedSql.ofSql(
            "SELECT count(pg_notify(?, message)) FROM unnest(CAST(? AS text[])) AS message", 2);

    private final DSLContext dsl;
    private final UnitOfWork unitOfWork;
    private final ServerLog log;
    private final String url;
    private final String username;
    private final String password;
    private final BlockingQueue<String> outgoing = new ArrayBlockingQueue<>(QUEUE);
    private volatile boolean running = true;
    private volatile boolean listening;
    private final AtomicLong dropped = new AtomicLong();
    private boolean overflowReported;
    private long overflowReportedAt;
    private Thread sender;
    private Thread listener;

    public PostgresEventBroadcast(DSLContext dsl, UnitOfWork unitOfWork, ServerLog log,
                                  @Value("${datasources.default.url}") String url,
                                  @Value("${datasources.default.username:}") String username,
                                  @Value("${datasources.default.password:}") String password) {
        this.dsl = dsl;
        this.unitOfWork = unitOfWork;
        this.log = log;
        this.url = url;
        this.username = username;
        this.password = password;
    }

    @Override
    public void send(String message) {
        int bytes = message.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_MESSAGE) {
            log.warning("a live event of " + bytes + " bytes was not broadcast (limit " + MAX_MESSAGE + ")");
            return;
        }
        startSender();
        if (!outgoing.offer(message)) {
            reportOverflow();
        }
    }

    /** Once a minute at most, with how many were dropped since the last report: a flood must not flood the log. */
    private void reportOverflow() {
        dropped.incrementAndGet();
        long now = System.nanoTime();
        synchronized (dropped) {
            if (overflowReported && now - overflowReportedAt < TimeUnit.MILLISECONDS.toNanos(OVERFLOW_REPORT_MILLIS)) {
                return;
            }
            overflowReported = true;
            overflowReportedAt = now;
            log.warning("live events are queued faster than PostgreSQL takes them; " + dropped.getAndSet(0)
                    + " dropped since the last report");
        }
    }

    /** Whether this instance's listening connection is open and LISTENing now; for tests and health. */
    public boolean listening() {
        return listening;
    }

    @Override
    public synchronized void receiveWith(Consumer<String> receiver) {
        if (listener != null) {
            throw new IllegalStateException("live events already have a receiver");
        }
        listener = daemon("live-events-listen", () -> listen(receiver));
    }

    private synchronized void startSender() {
        if (sender == null && running) {
            sender = daemon("live-events-notify", this::sendQueued);
        }
    }

    private static Thread daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private void sendQueued() {
        List<String> batch = new ArrayList<>(BATCH);
        while (running || !outgoing.isEmpty()) {
            try {
                String first = outgoing.poll(500, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                outgoing.drainTo(batch, BATCH - 1);
                unitOfWork.inTransaction(() -> NOTIFY.fetchColumn(dsl, Long.class, CHANNEL,
                        batch.toArray(String[]::new)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.internalError("live-events", "live events could not be sent through PostgreSQL", e);
                pause();
            } finally {
                batch.clear();
            }
        }
    }

    private void listen(Consumer<String> receiver) {
        while (running) {
            try (Connection connection = DriverManager.getConnection(url, username, password);
                 Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + CHANNEL);
                listening = true;
                PGConnection postgres = connection.unwrap(PGConnection.class);
                long probed = System.nanoTime();
                while (running) {
                    PGNotification[] notifications = postgres.getNotifications(500);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            deliver(receiver, notification.getParameter());
                        }
                    }
                    if (System.nanoTime() - probed > TimeUnit.MILLISECONDS.toNanos(PROBE_MILLIS)) {
                        // getNotifications only reads what arrived; a dead peer shows when we write.
                        statement.execute("SELECT 1");
                        probed = System.nanoTime();
                    }
                }
            } catch (SQLException e) {
                lost(() -> log.warning("the live events listener lost PostgreSQL (" + e.getSQLState()
                        + "); reconnecting"));
            } catch (RuntimeException e) {
                // A defect must not end the thread: without it this instance's dashboards would go deaf.
                lost(() -> log.warning("the live events listener failed; reconnecting", e));
            }
        }
        listening = false;
    }

    private void lost(Runnable report) {
        listening = false;
        if (running) {
            report.run();
            pause();
        }
    }

    private void deliver(Consumer<String> receiver, String message) {
        try {
            receiver.accept(message);
        } catch (RuntimeException e) {
            log.internalError("live-events", "a live event could not be delivered to this instance's dashboards", e);
        }
    }

    private void pause() {
        try {
            Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /**
     * Stops both threads. The sender first gets {@value #DRAIN_MILLIS} ms to send what is queued: a
     * command-line Warden closes right after its work, and its events would be lost otherwise.
     */
    @PreDestroy
    synchronized void stop() throws InterruptedException {
        running = false;
        if (sender != null) {
            sender.join(DRAIN_MILLIS);
        }
        for (Thread thread : new Thread[] {sender, listener}) {
            if (thread != null) {
                thread.interrupt();
                thread.join(2000);
            }
        }
    }
}
