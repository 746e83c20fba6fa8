import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two halves of bench/notify-bench.sh that are not Warden (JDK only, run as a source file):
 *
 *   java bench/NotifyBench.java standin FAIL_PERCENT
 *       a local Slack stand-in (the JDK HTTP server, 8 threads): answers "ok", or 503 to FAIL_PERCENT %
 *       of the posts so that Warden's retries run; prints "port=N" when ready. GET /count answers
 *       "served=… accepted=… distinct=…": posts answered, posts answered "ok", and the distinct
 *       notification ids among those (fewer than accepted means a notification was sent twice).
 *   java bench/NotifyBench.java ceiling URL CONCURRENCY N [WARMUP]
 *       the stand-in's own ceiling: N posts of a Slack-sized body from CONCURRENCY threads through an
 *       HTTP client built as Warden's notification channels build theirs, after WARMUP posts that are
 *       not measured (as the jar is measured warm); prints "ceiling/s=…".
 */
public class NotifyBench {

    /** Where a Slack message from Warden names its notification (SlackWebhookChannel's context block). */
    private static final Pattern NOTIFICATION_ID = Pattern.compile("notification `([0-9a-f-]{36})`");

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "standin" -> standIn(Integer.parseInt(args[1]));
            case "ceiling" -> ceiling(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                    args.length > 4 ? Integer.parseInt(args[4]) : 0);
            default -> throw new IllegalArgumentException("standin | ceiling, not " + args[0]);
        }
    }

    private static void standIn(int failPercent) throws Exception {
        AtomicLong served = new AtomicLong();
        AtomicLong accepted = new AtomicLong();
        Set<String> ids = ConcurrentHashMap.newKeySet();
        // Without TCP_NODELAY the JDK server's header and body packets meet delayed ACKs: 40 ms a request.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
        server.createContext("/count", exchange -> {
            byte[] body = ("served=" + served.get() + " accepted=" + accepted.get() + " distinct=" + ids.size())
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/services/", exchange -> {
            String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean fail = ThreadLocalRandom.current().nextInt(100) < failPercent;
            byte[] body = (fail ? "rollup_error" : "ok").getBytes(StandardCharsets.UTF_8);
            if (!fail) {
                accepted.incrementAndGet();
                Matcher id = NOTIFICATION_ID.matcher(request);
                if (id.find()) {
                    ids.add(id.group(1));
                }
            }
            served.incrementAndGet();
            exchange.sendResponseHeaders(fail ? 503 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
        System.out.println("port=" + server.getAddress().getPort());
        System.out.flush();
        Thread.currentThread().join();
    }

    private static void ceiling(String url, int concurrency, int n, int warmup) throws Exception {
        // As NotificationFactory builds the channels' client: HTTP/1.1, connect timeout, no redirects.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
        post(http, url, concurrency, warmup);
        long start = System.nanoTime();
        post(http, url, concurrency, n);
        System.out.printf("ceiling/s=%.0f%n", n / ((System.nanoTime() - start) / 1e9));
        System.exit(0);
    }

    /** {@code n} posts of the size of a bench notification's Slack message from {@code concurrency} threads. */
    private static void post(HttpClient http, String url, int concurrency, int n) throws Exception {
        String body = "{\"text\":\"" + "x".repeat(900) + "\"}";
        AtomicLong left = new AtomicLong(n);
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        for (int t = 0; t < concurrency; t++) {
            pool.submit(() -> {
                while (left.getAndDecrement() > 0) {
                    http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                            HttpResponse.BodyHandlers.ofString());
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
    }
}
