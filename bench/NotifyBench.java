import com.sun.net.httpserver.HttpServer;
import dev.warden.adapters.notify.slack.SlackWebhookChannel;
import dev.warden.adapters.persistence.JooqAlertRepository;
import dev.warden.adapters.persistence.JooqNotificationOutbox;
import dev.warden.adapters.persistence.JooqNotificationPreferences;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.application.service.DispatchNotificationsService;
import dev.warden.domain.alert.AlertSeverity;
import dev.warden.domain.alert.Alerting;
import dev.warden.domain.notification.ChannelKind;
import dev.warden.domain.notification.Notification;
import dev.warden.domain.notification.NotificationMessage;
import dev.warden.domain.notification.RetryPolicy;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.DataSourceConnectionProvider;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.ThreadLocalTransactionProvider;

/**
 * Notification dispatch throughput (bench/notify-bench.sh): Warden's real dispatcher and jOOQ outbox
 * on an embedded PostgreSQL, sending Slack-channel notifications to a local stand-in (the JDK's HTTP
 * server answering "ok", and 503 to a share of requests so retries run). Also measures the
 * stand-in's own ceiling with the same HTTP client and concurrency, in the same run.
 *
 *   java -cp bootstrap/target/warden.jar:domain/target/warden-domain-*-tests.jar bench/NotifyBench.java N THREADS FAIL_PERCENT
 */
public class NotifyBench {

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        int threads = Integer.parseInt(args[1]);
        int failPercent = Integer.parseInt(args[2]);
        AtomicLong served = new AtomicLong();
        // Without TCP_NODELAY the JDK server's header and body packets meet delayed ACKs: 40 ms a request.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer standIn = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
        standIn.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            boolean fail = ThreadLocalRandom.current().nextInt(100) < failPercent;
            byte[] body = (fail ? "rollup_error" : "ok").getBytes();
            exchange.sendResponseHeaders(fail ? 503 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
            served.incrementAndGet();
        });
        standIn.setExecutor(Executors.newFixedThreadPool(8));
        standIn.start();
        String url = "http://127.0.0.1:" + standIn.getAddress().getPort() + "/services/T/B/bench";
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        double ceiling = ceiling(http, url, threads, n);

        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            DataSource ds = postgres.getPostgresDatabase();
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
            DSLContext dsl = DSL.using(new DefaultConfiguration().set(SQLDialect.POSTGRES)
                    .set(new ThreadLocalTransactionProvider(new DataSourceConnectionProvider(ds))));
            UnitOfWork unitOfWork = new UnitOfWork() {
                @Override
                public <T> T inTransaction(java.util.function.Supplier<T> work) {
                    return dsl.transactionResult(work::get);
                }
            };
            UUID org = UUID.randomUUID();
            dsl.execute("INSERT INTO organizations (id, name, created_at) VALUES (?, 'Bench', now())", org);
            JooqNotificationOutbox outbox = new JooqNotificationOutbox(dsl);
            RetryPolicy retry = new RetryPolicy(Duration.ofMillis(1), Duration.ofMillis(20),
                    Map.of(ChannelKind.SLACK, 10), () -> ThreadLocalRandom.current().nextDouble());
            List<Notification> batch = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                batch.add(Notification.queue(new dev.warden.domain.shared.OrganizationId(org),
                        Optional.of(UUID.randomUUID()), "bench:" + i, ChannelKind.SLACK, url,
                        new NotificationMessage(AlertSeverity.CRITICAL, "CRITICAL: QUALITY_DEGRADED",
                                "quality of template order_update is RED", Map.of("Severity", "CRITICAL"),
                                "/alerts/x"), 10, Instant.now()));
                if (batch.size() == 1000) {
                    unitOfWork.run(() -> outbox.enqueue(batch));
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                unitOfWork.run(() -> outbox.enqueue(batch));
            }
            // The real alert table: each batch's delivery asks it for an open channel alert to resolve.
            DispatchNotificationsService dispatch = new DispatchNotificationsService(outbox,
                    new JooqNotificationPreferences(dsl),
                    List.of(new SlackWebhookChannel(http, "http://localhost", Duration.ofSeconds(5))), retry,
                    unitOfWork, new Alerting(new JooqAlertRepository(dsl)), events -> { }, Clock.systemUTC(),
                    Duration.ofMinutes(5), 10, (channel, status) -> { });
            long servedBefore = served.get();
            long start = System.nanoTime();
            ExecutorService workers = Executors.newFixedThreadPool(threads);
            for (int t = 0; t < threads; t++) {
                workers.submit(() -> {
                    while (true) {
                        // Counting only when nothing is due keeps the count's scan out of the measurement.
                        if (dispatch.dispatchNext() == 0) {
                            if (sentCount(dsl) >= n) {
                                return;
                            }
                            try {
                                Thread.sleep(2);
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    }
                });
            }
            workers.shutdown();
            workers.awaitTermination(10, TimeUnit.MINUTES);
            double seconds = (System.nanoTime() - start) / 1e9;
            long sent = sentCount(dsl);
            long duplicates = served.get() - servedBefore - sent;
            System.out.printf("notify n=%d threads=%d fail%%=%d sent=%d seconds=%.2f notifications/s=%.0f"
                            + " provider-calls=%d (retries %d) stand-in-ceiling/s=%.0f ratio=%.2f%n",
                    n, threads, failPercent, sent, seconds, sent / seconds, served.get() - servedBefore, duplicates,
                    ceiling, sent / seconds / ceiling);
        } finally {
            standIn.stop(0);
        }
        System.exit(0);
    }

    private static long sentCount(DSLContext dsl) {
        return dsl.fetchCount(DSL.table("notifications"), DSL.field("status").eq("SENT"));
    }

    /** The stand-in alone: the same client and concurrency posting the same size of body. */
    private static double ceiling(HttpClient http, String url, int threads, int n) throws Exception {
        String body = "{\"text\":\"" + "x".repeat(900) + "\"}";
        AtomicLong left = new AtomicLong(n);
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> {
                while (left.getAndDecrement() > 0) {
                    http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                            HttpResponse.BodyHandlers.ofString());
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
        return n / ((System.nanoTime() - start) / 1e9);
    }
}
