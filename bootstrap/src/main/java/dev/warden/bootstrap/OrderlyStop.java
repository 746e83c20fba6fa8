package dev.warden.bootstrap;

import dev.warden.adapters.web.webhook.WebhookIntake;
import io.micronaut.context.ApplicationContext;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.runtime.graceful.GracefulShutdownCapable;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.scheduling.TaskExecutors;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How Warden stops on SIGTERM or Ctrl-C: its only JVM shutdown hook, so that nothing stops in
 * parallel with what still needs it (JVM hooks all run at once; the embedded database used to be
 * stopped under running workers). In order: webhooks are answered 503 and readiness is DOWN; the
 * deliveries already taken in are stored and answered; the inbox workers, the notification
 * dispatchers and the scheduled jobs claim nothing more and finish what they hold; the server
 * and the application context stop (the pool closes); last, the embedded database. The work in
 * hand gets {@code warden.stop.grace-period} in all; what is still running then is abandoned to
 * the claims' expiry (docs/operations.md, "Stopping and rolling restarts").
 */
final class OrderlyStop implements Runnable {

    static final String GRACE_PERIOD = "warden.stop.grace-period";
    private static final Logger LOG = LoggerFactory.getLogger(OrderlyStop.class);
    /** What the server gets to answer the requests in hand even when the work in hand used up the grace period. */
    private static final Duration LAST_ANSWERS = Duration.ofSeconds(2);

    private final Optional<EmbeddedDatabase> database;
    private volatile ApplicationContext context;
    private volatile Optional<EmbeddedServer> server = Optional.empty();

    private OrderlyStop(Optional<EmbeddedDatabase> database) {
        this.database = database;
    }

    /**
     * Registers the stop as a JVM shutdown hook as soon as the database runs: a SIGTERM during the
     * start must stop it too, since zonky's own hook is held.
     */
    static OrderlyStop onShutdown(Optional<EmbeddedDatabase> database) {
        OrderlyStop stop = new OrderlyStop(database);
        Runtime.getRuntime().addShutdownHook(new Thread(stop, "warden-stop"));
        return stop;
    }

    /** What the stop stops besides the database, once started: the context and, when serving, the server. */
    void of(ApplicationContext started, Optional<EmbeddedServer> serving) {
        server = serving;
        context = started;
    }

    @Override
    public void run() {
        ApplicationContext context = this.context;
        Optional<EmbeddedServer> server = this.server;
        try {
            if (context == null) {
                return;
            }
            if (context.isRunning() && server.isPresent()) {
                long deadline = finishWorkInHand(context);
                closeConnections(server.get(), deadline);
            }
            server.filter(EmbeddedServer::isRunning).ifPresent(EmbeddedServer::stop);
            if (context.isRunning()) {
                context.close();
            }
        } catch (RuntimeException e) {
            LOG.error("Warden did not stop in order", e);
        } finally {
            database.ifPresent(EmbeddedDatabase::stop);
        }
        if (server.isPresent()) {
            LOG.info("Warden stopped");
        }
    }

    /** Steps one and two; the deadline of the grace period. */
    private long finishWorkInHand(ApplicationContext context) {
        Duration grace = context.getProperty(GRACE_PERIOD, Duration.class).orElse(Duration.ofSeconds(30));
        long deadline = System.nanoTime() + grace.toNanos();
        LOG.info("Warden is stopping: webhooks are answered 503 from now on; the work in hand gets up to {} ms",
                grace.toMillis());
        WebhookIntake intake = context.getBean(WebhookIntake.class);
        intake.close();
        try {
            if (!intake.awaitAnswered(left(deadline))) {
                LOG.info("Webhook deliveries still being stored after {} ms: Meta sends them again", grace.toMillis());
            }
            context.findBean(InboxWorkers.class).filter(workers -> !workers.stop(left(deadline)))
                    .ifPresent(workers -> LOG.info("Inbox workers still busy after {} ms: their changes are"
                            + " processed again after the restart", grace.toMillis()));
            context.findBean(NotificationWorkers.class).filter(workers -> !workers.stop(left(deadline)))
                    .ifPresent(workers -> LOG.info("Notification dispatchers still busy after {} ms: what they"
                            + " claimed is sent again when the claim expires", grace.toMillis()));
            Optional<ExecutorService> scheduled = context.findBean(ExecutorService.class,
                    Qualifiers.byName(TaskExecutors.SCHEDULED));
            if (scheduled.isPresent()) {
                scheduled.get().shutdown();
                if (!scheduled.get().awaitTermination(left(deadline).toMillis(), TimeUnit.MILLISECONDS)) {
                    LOG.info("A scheduled job was still running after {} ms; it runs again on schedule",
                            grace.toMillis());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return deadline;
    }

    /**
     * Stops accepting connections and closes the open ones once their request in hand is answered.
     * The server's plain stop does not wait for them, and a request still arriving on a kept-alive
     * connection would then meet the request executors closing with the context: a 500 and a stack trace.
     */
    private static void closeConnections(EmbeddedServer server, long deadline) {
        if (!(server instanceof GracefulShutdownCapable connections)) {
            return;
        }
        Duration limit = left(deadline).compareTo(LAST_ANSWERS) < 0 ? LAST_ANSWERS : left(deadline);
        try {
            connections.shutdownGracefully().toCompletableFuture().get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            LOG.info("HTTP connections still open after {} ms are closed", limit.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Duration left(long deadline) {
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }
}
