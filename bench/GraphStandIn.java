import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * A stand-in for Meta's Graph API for bench/reconcile-bench.sh, answering as meta-platform.md §5 says:
 * GET /v24.0/{WABA}/message_templates?limit=&after= pages of {@code templates} templates with
 * paging.cursors.after and paging.next (ids as strings), the summary on every page, GET /v24.0/{id}
 * for one template and GET /v24.0/{WABA}/subscribed_apps. GET /bench/drift/{n} makes every n-th
 * template PAUSED with quality YELLOW from then on (0: none), so a later run has changes to apply.
 * Templates are generated per request: the stand-in holds nothing but two numbers.
 *
 *   java bench/GraphStandIn.java <port> <templates>
 */
public final class GraphStandIn {

    private static final long FIRST_ID = 1_000_000_000_000_000L;
    private static volatile int drift;

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        int templates = Integer.parseInt(args[1]);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/bench/drift/", exchange -> {
            drift = Integer.parseInt(exchange.getRequestURI().getPath().substring("/bench/drift/".length()));
            answer(exchange, 200, "{\"drift\":" + drift + "}");
        });
        server.createContext("/v24.0/", exchange -> {
            URI uri = exchange.getRequestURI();
            String[] path = uri.getPath().substring("/v24.0/".length()).split("/");
            if (path.length == 2 && path[1].equals("message_templates")) {
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
