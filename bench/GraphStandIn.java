import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for Meta's Graph API for bench/reconcile-bench.sh and bench/campaign-bench.sh, answering as
 * meta-platform.md §5 and §7 say: GET /v24.0/{WABA}/message_templates?limit=&after= pages of {@code templates}
 * templates with paging.cursors.after and paging.next (ids as strings), the summary on every page,
 * GET /v24.0/{id} for one template and GET /v24.0/{WABA}/subscribed_apps. GET /bench/drift/{n} makes every
 * n-th template PAUSED with quality YELLOW from then on (0: none), so a later run has changes to apply.
 * Templates are generated per request.
 *
 * Sending: GET /v24.0/{WABA}/phone_numbers lists {@link #PHONE_NUMBERS} for every WABA, and
 * POST /v24.0/{phone_number_id}/messages answers Meta's success body at once (a new wamid each). GET
 * /bench/messages/{phone_number_id} answers "served=… distinct=…": messages accepted from that number and
 * the distinct recipients among them (fewer distinct than served means a recipient got a message twice).
 *
 *   java bench/GraphStandIn.java <port> <templates>
 *   java bench/GraphStandIn.java ceiling URL CONCURRENCY N WARMUP
 *       the stand-in's own ceiling: N template messages POSTed to URL (a /{phone_number_id}/messages of the
 *       stand-in) from CONCURRENCY threads through an HTTP client built as Warden's GraphHttp builds its own,
 *       after WARMUP that are not measured; prints "ceiling/s=…".
 */
public final class GraphStandIn {

    private static final long FIRST_ID = 1_000_000_000_000_000L;
    /** The business numbers every WABA of the stand-in owns. */
    static final String[] PHONE_NUMBERS = {"106540352242922", "106540352242923", "106540352242924"};
    private static final Pattern RECIPIENT = Pattern.compile("\"(?:to|recipient)\":\"([^\"]+)\"");
    private static volatile int drift;
    private static final AtomicLong WAMIDS = new AtomicLong();
    private static final Map<String, AtomicLong> SERVED = new ConcurrentHashMap<>();
    private static final Map<String, Set<String>> RECIPIENTS = new ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        if (args[0].equals("ceiling")) {
            ceiling(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            return;
        }
        int port = Integer.parseInt(args[0]);
        int templates = Integer.parseInt(args[1]);
        // Without TCP_NODELAY the JDK server's header and body packets meet delayed ACKs: 40 ms a request.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 512);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/bench/messages/", exchange -> {
            String phone = exchange.getRequestURI().getPath().substring("/bench/messages/".length());
            answer(exchange, 200, "served=" + SERVED.getOrDefault(phone, new AtomicLong()).get() + " distinct="
                    + RECIPIENTS.getOrDefault(phone, Set.of()).size());
        });
        server.createContext("/bench/drift/", exchange -> {
            drift = Integer.parseInt(exchange.getRequestURI().getPath().substring("/bench/drift/".length()));
            answer(exchange, 200, "{\"drift\":" + drift + "}");
        });
        server.createContext("/v24.0/", exchange -> {
            URI uri = exchange.getRequestURI();
            String[] path = uri.getPath().substring("/v24.0/".length()).split("/");
            if (path.length == 2 && path[1].equals("messages") && exchange.getRequestMethod().equals("POST")) {
                message(exchange, path[0]);
            } else if (path.length == 2 && path[1].equals("phone_numbers")) {
                StringBuilder data = new StringBuilder();
                for (String number : PHONE_NUMBERS) {
                    data.append(data.isEmpty() ? "" : ",").append("{\"verified_name\":\"Bench\",")
                            .append("\"display_phone_number\":\"+1 555-000-1111\",\"id\":\"").append(number)
                            .append("\",\"quality_rating\":\"GREEN\"}");
                }
                answer(exchange, 200, "{\"data\":[" + data + "],\"paging\":{\"cursors\":{\"before\":\"QVFIUb\","
                        + "\"after\":\"QVFIUe\"}}}");
            } else if (path.length == 2 && path[1].equals("message_templates")) {
                answer(exchange, 200, page(port, path[0], templates, query(uri, "limit", 100),
                        query(uri, "after", 0)));
            } else if (path.length == 2 && path[1].equals("subscribed_apps")) {
                answer(exchange, 200, "{\"data\":[{\"whatsapp_business_api_data\":{\"id\":\"1\",\"name\":\"Warden\"}}]}");
            } else if (path.length == 1) {
                long index = Long.parseLong(path[0]) - FIRST_ID;
                if (index >= 0 && index < templates) {
                    answer(exchange, 200, template((int) index));
                } else {
                    answer(exchange, 400, "{\"error\":{\"message\":\"Unsupported get request. Object with ID '" + path[0]
                            + "' does not exist\",\"type\":\"GraphMethodException\",\"code\":100,\"error_subcode\":33}}");
                }
            } else {
                answer(exchange, 400, "{\"error\":{\"message\":\"Unsupported get request.\",\"code\":100}}");
            }
        });
        server.start();
        System.out.println("graph stand-in on " + port);
    }

    /** Meta's answer to an accepted template message (meta-platform.md §7), counted per sending number. */
    private static void message(HttpExchange exchange, String phone) throws IOException {
        String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Matcher to = RECIPIENT.matcher(request);
        String recipient = to.find() ? to.group(1) : "";
        SERVED.computeIfAbsent(phone, p -> new AtomicLong()).incrementAndGet();
        RECIPIENTS.computeIfAbsent(phone, p -> ConcurrentHashMap.newKeySet()).add(recipient);
        answer(exchange, 200, "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"" + recipient
                + "\",\"wa_id\":\"" + recipient + "\"}],\"messages\":[{\"id\":\"wamid.bench"
                + WAMIDS.incrementAndGet() + "\",\"message_status\":\"accepted\"}]}");
    }

    private static void ceiling(String url, int concurrency, int n, int warmup) throws Exception {
        // As GraphHttp builds its client: the JDK's default version, a connect timeout, no redirects.
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        post(http, url, concurrency, warmup, 0);
        long start = System.nanoTime();
        post(http, url, concurrency, n, warmup);
        System.out.printf("ceiling/s=%.0f%n", n / ((System.nanoTime() - start) / 1e9));
        System.exit(0);
    }

    /** {@code n} template messages as GraphMessageSender writes them, each to a recipient of its own. */
    private static void post(HttpClient http, String url, int concurrency, int n, int from) throws Exception {
        AtomicLong next = new AtomicLong(from);
        long end = from + n;
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        for (int t = 0; t < concurrency; t++) {
            pool.submit(() -> {
                for (long i = next.getAndIncrement(); i < end; i = next.getAndIncrement()) {
                    String body = """
                            {"messaging_product":"whatsapp","recipient_type":"individual","to":"9198%08d",\
                            "type":"template","template":{"name":"bench_offer","language":{"code":"en_US"},\
                            "components":[{"type":"body","parameters":[{"type":"text","text":"Ana"},\
                            {"type":"text","text":"X-%d"}]}]},"biz_opaque_callback_data":"%s"}""".formatted(i, i,
                            java.util.UUID.randomUUID());
                    HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer bench-graph-token")
                            .header("Accept", "application/json").header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("stand-in answered " + response.statusCode());
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
    }

    private static int query(URI uri, String name, int fallback) {
        String raw = uri.getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                if (pair.startsWith(name + "=")) {
                    String value = pair.substring(name.length() + 1);
                    return Integer.parseInt(value.startsWith("c") ? value.substring(1) : value);
                }
            }
        }
        return fallback;
    }

    private static String page(int port, String waba, int templates, int limit, int from) {
        int to = Math.min(templates, from + limit);
        StringBuilder body = new StringBuilder(limit * 400).append("{\"data\":[");
        for (int i = from; i < to; i++) {
            body.append(i == from ? "" : ",").append(template(i));
        }
        body.append("],\"paging\":{\"cursors\":{\"before\":\"c").append(from).append("\",\"after\":\"c").append(to)
                .append("\"}");
        if (to < templates) {
            body.append(",\"next\":\"http://127.0.0.1:").append(port).append("/v24.0/").append(waba)
                    .append("/message_templates?limit=").append(limit).append("&after=c").append(to).append('"');
        }
        return body.append("},\"summary\":{\"total_count\":").append(templates)
                .append(",\"message_template_limit\":").append(Math.max(6000, templates * 2)).append("}}").toString();
    }

    private static String template(int i) {
        boolean drifted = drift > 0 && i % drift == 0;
        return """
                {"name":"bench_template_%d","parameter_format":"POSITIONAL","components":[{"type":"BODY",\
                "text":"Hello {{1}}, your order {{2}} is on its way.","example":{"body_text":[["Pablo","A-1042"]]}}],\
                "language":"en_US","status":"%s","category":"%s","quality_score":{"score":"%s","date":1732612225},\
                "id":"%d"}""".formatted(i, drifted ? "PAUSED" : "APPROVED", i % 4 == 0 ? "MARKETING" : "UTILITY",
                drifted ? "YELLOW" : "GREEN", FIRST_ID + i);
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
