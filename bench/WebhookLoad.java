import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Load generator for bench/webhook-bench.sh (run with `java bench/WebhookLoad.java ...`).
 * Loopback only, bounded in time. Two modes:
 *
 *   closed  URL SECRET WABA CONCURRENCY SECONDS CHANGES_PER_POST   signed POSTs as fast as the server answers
 *   rate    URL SECRET WABA RATE_PER_SECOND SECONDS CHANGES_PER_POST signed POSTs at a fixed rate (for processing lag)
 *   get     URL CONCURRENCY SECONDS                                   plain GETs (the trivial-endpoint ceiling)
 *
 * Every POST carries distinct changes (its own template ids), so the inbox processes real work.
 * Prints one line: mode, requests, ok, requests/s, p50 ms, p99 ms.
 */
public class WebhookLoad {

    private static final AtomicLong NEXT_TEMPLATE = new AtomicLong(1_000_000_000_000_000L);

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        switch (mode) {
            case "closed" -> closed(client, args[1], args[2], args[3], Integer.parseInt(args[4]),
                    Integer.parseInt(args[5]), Integer.parseInt(args[6]));
            case "rate" -> rate(client, args[1], args[2], args[3], Integer.parseInt(args[4]), Integer.parseInt(args[5]),
                    Integer.parseInt(args[6]));
            case "get" -> get(client, args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            default -> throw new IllegalArgumentException("mode must be closed, rate or get");
        }
    }

    static HttpRequest signedPost(String url, String secret, String waba, int changes) throws Exception {
        long time = System.currentTimeMillis() / 1000;
        StringBuilder body = new StringBuilder("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"")
                .append(waba).append("\",\"time\":").append(time).append(",\"changes\":[");
        for (int i = 0; i < changes; i++) {
            if (i > 0) {
                body.append(',');
            }
            body.append("{\"field\":\"message_template_status_update\",\"value\":{\"event\":\"APPROVED\",")
                    .append("\"message_template_id\":").append(NEXT_TEMPLATE.incrementAndGet())
                    .append(",\"message_template_name\":\"order_update\",\"message_template_language\":\"en_US\",")
                    .append("\"reason\":\"NONE\",\"message_template_category\":\"UTILITY\"}}");
        }
        byte[] bytes = body.append("]}]}").toString().getBytes(StandardCharsets.UTF_8);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", "sha256=" + HexFormat.of().formatHex(mac.doFinal(bytes)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
    }

    interface RequestSource {
        HttpRequest next() throws Exception;
    }

    static void closed(HttpClient client, String url, String secret, String waba, int concurrency, int seconds,
                       int changes) throws Exception {
        run("closed", client, concurrency, seconds, () -> signedPost(url, secret, waba, changes));
    }

    static void get(HttpClient client, String url, int concurrency, int seconds) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build();
        run("get", client, concurrency, seconds, () -> request);
    }

    static void run(String mode, HttpClient client, int concurrency, int seconds, RequestSource source)
            throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        long[][] latencies = new long[concurrency][];
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger total = new AtomicInteger();
        Thread[] threads = new Thread[concurrency];
        long started = System.nanoTime();
        for (int t = 0; t < concurrency; t++) {
            int slot = t;
            threads[t] = new Thread(() -> {
                long[] own = new long[1 << 16];
                int n = 0;
                while (System.nanoTime() < end) {
                    try {
                        HttpRequest request = source.next();
                        long before = System.nanoTime();
                        HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                        long took = System.nanoTime() - before;
                        if (n == own.length) {
                            own = Arrays.copyOf(own, n * 2);
                        }
                        own[n++] = took;
                        total.incrementAndGet();
                        if (response.statusCode() == 200) {
                            ok.incrementAndGet();
                        }
                    } catch (Exception e) {
                        total.incrementAndGet();
                    }
                }
                latencies[slot] = Arrays.copyOf(own, n);
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        report(mode, total.get(), ok.get(), System.nanoTime() - started, latencies);
    }

    /**
     * Paced load: CONCURRENCY threads share the target rate, each sending on its own schedule and
     * waiting for the answer (a server that cannot keep up shows it in the achieved rate).
     */
    static void rate(HttpClient client, String url, String secret, String waba, int perSecond, int seconds,
                     int changes) throws Exception {
        int threads = 16;
        long interval = 1_000_000_000L * threads / perSecond;
        long started = System.nanoTime();
        long end = started + Duration.ofSeconds(seconds).toNanos();
        long[][] latencies = new long[threads][];
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger total = new AtomicInteger();
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int slot = t;
            workers[t] = new Thread(() -> {
                long[] own = new long[1 << 12];
                int n = 0;
                long due = started + slot * interval / threads;
                while (due < end) {
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        try {
                            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                    try {
                        long before = System.nanoTime();
                        HttpResponse<Void> response = client.send(signedPost(url, secret, waba, changes),
                                HttpResponse.BodyHandlers.discarding());
                        if (n == own.length) {
                            own = Arrays.copyOf(own, n * 2);
                        }
                        own[n++] = System.nanoTime() - before;
                        if (response.statusCode() == 200) {
                            ok.incrementAndGet();
                        }
                    } catch (Exception e) {
                        // counted as not ok
                    }
                    total.incrementAndGet();
                    due += interval;
                }
                latencies[slot] = Arrays.copyOf(own, n);
            });
            workers[t].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        report("rate", total.get(), ok.get(), System.nanoTime() - started, latencies);
    }

    static void report(String mode, int total, int ok, long elapsedNanos, long[][] latencies) {
        long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        double seconds = elapsedNanos / 1e9;
        System.out.printf("%s requests=%d ok=%d rate=%.0f/s p50=%.1fms p99=%.1fms%n", mode, total, ok, ok / seconds,
                percentile(all, 0.50), percentile(all, 0.99));
    }

    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
