import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Load generator for bench/webhook-bench.sh and bench/realistic-bench.sh (run with
 * `java bench/WebhookLoad.java ...`). Loopback only, bounded in time. Modes:
 *
 *   closed  URL SECRET WABA CONCURRENCY SECONDS CHANGES_PER_POST   signed POSTs as fast as the server answers
 *   rate    URL SECRET WABA RATE_PER_SECOND SECONDS CHANGES_PER_POST signed POSTs at a fixed rate (for processing lag)
 *   get     URL CONCURRENCY SECONDS                                   plain GETs (the trivial-endpoint ceiling)
 *   authget URL_FILE TOKEN CONCURRENCY SECONDS                        GETs with a bearer token, each of a URL drawn
 *                                                                at random from the file (bench/health-views-bench.sh)
 *
 * In these three every POST carries distinct changes (its own new template ids): the old mix.
 *
 * The realistic mix of issue 7 (known templates moving between states, {@link Mix}):
 *
 *   seed       URL SECRET WABA TEMPLATES STATE_FILE              one APPROVED status change per template, 16 at a time
 *   mix-rate   URL SECRET WABA CHANGES_PER_SECOND SECONDS TEMPLATES STATE_FILE [SENDS_FILE SHARE]
 *                                                                the mix at a fixed rate of changes (48 paced senders)
 *              With SENDS_FILE (lines "wamid recipient": sends Warden made) a POST is, with probability SHARE, a
 *              `messages` webhook with one status of one of those sends instead ({@link Mix#statuses}).
 *   mix-file   SECRET WABA TEMPLATES COUNT PARTS PREFIX STATE_FILE [SENDS_FILE SHARE]
 *                                                                COUNT signed bodies of the mix in PARTS files, for
 *                                                                wrk and bench/mix.lua (the closed-loop phases)
 *   campaigns  BASE_URL TOKEN ORGANIZATION TEMPLATE_ID_FILE      creates and starts one campaign per template id
 *   sample-body WABA                                             prints one typical 1.5 KB mix body (for pgbench)
 *
 * Prints one line: mode, requests, ok, requests/s, p50 ms, p99 ms (mix modes: also changes sent, mean body bytes);
 * mix-file prints nothing (bench/mix.lua prints wrk's line in this format).
 * The paced modes (rate, mix-rate) with WEBHOOKLOAD_INTERVAL=N in the environment also print, every N seconds, one
 * line of that interval alone ({@link Intervals}: "interval t=… requests=… ok=… rate=…/s p50=…ms p99=…ms"), for
 * bench/soak-bench.sh's samples.
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
            case "authget" -> authorizedGet(client, Path.of(args[1]), args[2], Integer.parseInt(args[3]),
                    Integer.parseInt(args[4]));
            case "seed" -> Mix.seed(client, args[1], args[2], args[3], Integer.parseInt(args[4]), Path.of(args[5]));
            case "mix-rate" -> Mix.paced(client, args[1], args[2], Integer.parseInt(args[4]),
                    Integer.parseInt(args[5]), Mix.load(args[3], Integer.parseInt(args[6]), Path.of(args[7]),
                            Arrays.copyOfRange(args, 8, args.length)), Path.of(args[7]));
            case "mix-file" -> Mix.files(args[1], Integer.parseInt(args[4]), Integer.parseInt(args[5]), args[6],
                    Mix.load(args[2], Integer.parseInt(args[3]), Path.of(args[7]),
                            Arrays.copyOfRange(args, 8, args.length)), Path.of(args[7]));
            case "campaigns" -> campaigns(client, args[1], args[2], args[3], Path.of(args[4]));
            case "sample-body" -> System.out.println(new Mix(args[1], 1, 1_700_000_000L, 0, List.of(), 0).body(
                    ThreadLocalRandom.current(), 1L, false));
            default -> throw new IllegalArgumentException(
                    "mode must be closed, rate, get, authget, seed, mix-rate, mix-file, campaigns or sample-body");
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
        return signed(url, secret, body.append("]}]}").toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A POST signed as Meta signs it: HMAC-SHA256 of the exact body with the app secret. */
    static HttpRequest signed(String url, String secret, byte[] bytes) throws Exception {
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

    static void authorizedGet(HttpClient client, Path urls, String token, int concurrency, int seconds)
            throws Exception {
        List<HttpRequest> requests = Files.readAllLines(urls).stream().filter(line -> !line.isBlank())
                .map(url -> HttpRequest.newBuilder(URI.create(url.strip())).timeout(Duration.ofSeconds(10))
                        .header("Authorization", "Bearer " + token).GET().build()).toList();
        run("authget", client, concurrency, seconds,
                () -> requests.get(ThreadLocalRandom.current().nextInt(requests.size())));
    }

    static void run(String mode, HttpClient client, int concurrency, int seconds, RequestSource source)
            throws Exception {
        run(mode, client, concurrency, seconds, source, () -> "");
    }

    static void run(String mode, HttpClient client, int concurrency, int seconds, RequestSource source,
                    java.util.function.Supplier<String> extra) throws Exception {
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
        report(mode, total.get(), ok.get(), System.nanoTime() - started, latencies, extra.get());
    }

    /**
     * Paced load: CONCURRENCY threads share the target rate, each sending on its own schedule and
     * waiting for the answer (a server that cannot keep up shows it in the achieved rate).
     */
    static void rate(HttpClient client, String url, String secret, String waba, int perSecond, int seconds,
                     int changes) throws Exception {
        paced("rate", client, 16, perSecond, seconds, () -> signedPost(url, secret, waba, changes), () -> "");
    }

    static void paced(String mode, HttpClient client, int threads, double perSecond, int seconds, RequestSource source,
                      java.util.function.Supplier<String> extra) throws Exception {
        long interval = (long) (1_000_000_000L * threads / perSecond);
        long started = System.nanoTime();
        long end = started + Duration.ofSeconds(seconds).toNanos();
        long[][] latencies = new long[threads][];
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger total = new AtomicInteger();
        Thread[] workers = new Thread[threads];
        Intervals intervals = Intervals.fromEnvironment(started, end);
        for (int t = 0; t < threads; t++) {
            int slot = t;
            workers[t] = new Thread(() -> {
                long[] own = new long[1 << 12];
                int n = 0;
                long due = started + slot * interval / threads;
                while (due < end) {
                    if (!sleepUntil(due)) {
                        return;
                    }
                    try {
                        long before;
                        HttpRequest request = source.next();
                        before = System.nanoTime();
                        HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                        if (n == own.length) {
                            own = Arrays.copyOf(own, n * 2);
                        }
                        own[n++] = System.nanoTime() - before;
                        if (response.statusCode() == 200) {
                            ok.incrementAndGet();
                        }
                        if (intervals != null) {
                            intervals.record(own[n - 1], response.statusCode() == 200);
                        }
                    } catch (Exception e) {
                        // counted as not ok
                        if (intervals != null) {
                            intervals.failed();
                        }
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
        if (intervals != null) {
            intervals.stop();
        }
        report(mode, total.get(), ok.get(), System.nanoTime() - started, latencies, extra.get());
    }

    /**
     * The paced load's answers interval by interval (WEBHOOKLOAD_INTERVAL seconds): a daemon thread prints, at the
     * end of each interval, the requests answered in it, those answered 200, their rate and latency percentiles.
     * Answers are recorded under a lock: a thousand a second cost it nothing.
     */
    static final class Intervals {
        private final long started;
        private final long length;
        private final Thread printer;
        private long[] latencies = new long[1 << 14];
        private int answered;
        private int requests;
        private int ok;

        private Intervals(long started, long end, long length) {
            this.started = started;
            this.length = length;
            this.printer = new Thread(() -> {
                for (long due = started + length; due <= end; due += length) {
                    if (!sleepUntil(due)) {
                        return;
                    }
                    print(due);
                }
            });
            printer.setDaemon(true);
            printer.start();
        }

        static Intervals fromEnvironment(long started, long end) {
            String seconds = System.getenv("WEBHOOKLOAD_INTERVAL");
            return seconds == null || seconds.isBlank() ? null
                    : new Intervals(started, end, Duration.ofSeconds(Long.parseLong(seconds.strip())).toNanos());
        }

        synchronized void record(long nanos, boolean success) {
            if (answered == latencies.length) {
                latencies = Arrays.copyOf(latencies, answered * 2);
            }
            latencies[answered++] = nanos;
            requests++;
            if (success) {
                ok++;
            }
        }

        synchronized void failed() {
            requests++;
        }

        /** Waits for the last interval's line (printed at the load's end). */
        void stop() throws InterruptedException {
            printer.join();
        }

        private void print(long due) {
            long[] sorted;
            int total;
            int succeeded;
            synchronized (this) {
                sorted = Arrays.copyOf(latencies, answered);
                total = requests;
                succeeded = ok;
                answered = 0;
                requests = 0;
                ok = 0;
            }
            Arrays.sort(sorted);
            System.out.printf("interval t=%d requests=%d ok=%d rate=%.0f/s p50=%.1fms p99=%.1fms%n",
                    Math.round((due - started) / 1e9), total, succeeded, succeeded / (length / 1e9),
                    percentile(sorted, 0.50), percentile(sorted, 0.99));
            System.out.flush();
        }
    }

    /** Creates and starts one campaign per template id of the file (8 at a time); prints how many. */
    static void campaigns(HttpClient client, String baseUrl, String token, String organization, Path idFile)
            throws Exception {
        List<String> templateIds = Files.readAllLines(idFile).stream().map(String::strip).filter(l -> !l.isEmpty())
                .toList();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger created = new AtomicInteger();
        AtomicInteger started = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Thread thread = new Thread(() -> {
                for (int i = next.getAndIncrement(); i < templateIds.size(); i = next.getAndIncrement()) {
                    try {
                        String body = "{\"name\":\"bench campaign " + i + "\",\"templateId\":\"" + templateIds.get(i) + "\"}";
                        HttpResponse<String> create = client.send(HttpRequest.newBuilder(
                                        URI.create(baseUrl + "/api/v1/campaigns?organizationId=" + organization))
                                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                        java.util.regex.Matcher id = java.util.regex.Pattern.compile("\"id\":\"([^\"]+)\"")
                                .matcher(create.body());
                        if (create.statusCode() != 201 || !id.find()) {
                            System.err.println("campaign not created: " + create.statusCode() + " " + create.body());
                            continue;
                        }
                        created.incrementAndGet();
                        HttpResponse<String> start = client.send(HttpRequest.newBuilder(URI.create(baseUrl
                                        + "/api/v1/campaigns/" + id.group(1) + "/start?organizationId=" + organization))
                                .header("Authorization", "Bearer " + token)
                                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                        if (start.statusCode() == 200) {
                            started.incrementAndGet();
                        } else {
                            System.err.println("campaign not started: " + start.statusCode() + " " + start.body());
                        }
                    } catch (Exception e) {
                        System.err.println("campaign request failed: " + e);
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        System.out.printf("campaigns created=%d started=%d%n", created.get(), started.get());
    }

    /**
     * The realistic mix of issue 7: known templates (ids {@code 3000000000000000 + i}) moving between
     * states. Every POST is one {@code message_template_status_update} for a template picked at
     * random, its event picked at random from APPROVED / PAUSED / PENDING, carrying an
     * {@code other_info.description} of about 1,100 characters (a PAUSED one also its title), so a
     * body is about 1.5 KB; every tenth POST also carries a {@code message_template_quality_update}
     * of another random template. {@code entry.time} is {@code base + sequence} with one sequence
     * number per POST that only grows, across runs too (kept in the state file): every body is
     * unique and each template's changes have strictly increasing times, so its newest change is
     * the one its final status must show (no same-second ties).
     */
    static final class Mix {
        private static final String[] EVENTS = {"APPROVED", "PAUSED", "PENDING"};
        private static final String[] QUALITY = {"GREEN", "YELLOW", "RED"};
        private static final String[] STATUSES = {"sent", "delivered", "read"};
        private static final long FIRST_META_ID = 3_000_000_000_000_000L;
        private static final String FILLER = " Quality signals for this template, such as customer blocks and reports,"
                + " crossed the threshold for a pause. Messages sent with it are rejected until the pause ends;"
                + " review the content, the audience and the frequency of sends before the template is used again.";

        private final String waba;
        private final int templates;
        private final long base;
        private final AtomicLong sequence;
        private final AtomicLong changes = new AtomicLong();
        private final AtomicLong bytes = new AtomicLong();
        private final AtomicLong bodies = new AtomicLong();
        private final AtomicLong statusPosts = new AtomicLong();
        /**
         * Sends Warden made, as {wamid, recipient}: the messages whose statuses the mix reports; read again when
         * its file changes (bench/soak-bench.sh adds a campaign's sends as they go out).
         */
        private volatile List<String[]> sends;
        private final double statusShare;

        Mix(String waba, int templates, long base, long lastSequence, List<String[]> sends, double statusShare) {
            this.waba = waba;
            this.templates = templates;
            this.base = base;
            this.sequence = new AtomicLong(lastSequence);
            this.sends = sends;
            this.statusShare = sends.isEmpty() ? 0 : statusShare;
        }

        /** The state file's base and sequence; optional: a file of sends and the share of status POSTs. */
        static Mix load(String waba, int templates, Path state, String... statuses) throws Exception {
            String[] parts = Files.readString(state).strip().split(" ");
            List<String[]> sends = statuses.length == 0 ? List.of() : sends(Path.of(statuses[0]));
            Mix mix = new Mix(waba, templates, Long.parseLong(parts[0]), Long.parseLong(parts[1]), sends,
                    statuses.length > 1 ? Double.parseDouble(statuses[1]) : 0);
            if (!sends.isEmpty()) {
                mix.follow(Path.of(statuses[0]));
            }
            return mix;
        }

        private static List<String[]> sends(Path file) throws java.io.IOException {
            return Files.readAllLines(file).stream().map(String::strip).filter(l -> !l.isEmpty())
                    .map(l -> l.split(" ")).filter(f -> f.length == 2).toList();
        }

        /** Every 5 s: the sends file again, if it was replaced (written aside and moved, never seen half-written). */
        private void follow(Path file) throws java.io.IOException {
            Thread thread = new Thread(() -> {
                try {
                    java.nio.file.attribute.FileTime seen = Files.getLastModifiedTime(file);
                    while (true) {
                        Thread.sleep(5_000);
                        java.nio.file.attribute.FileTime now = Files.getLastModifiedTime(file);
                        if (!now.equals(seen)) {
                            seen = now;
                            List<String[]> read = sends(file);
                            if (!read.isEmpty()) {
                                sends = read;
                            }
                        }
                    }
                } catch (Exception e) {
                    // the sends read last stay in use
                }
            });
            thread.setDaemon(true);
            thread.start();
        }

        void save(Path state) throws Exception {
            Files.writeString(state, base + " " + sequence.get() + "\n");
        }

        static void seed(HttpClient client, String url, String secret, String waba, int templates, Path state)
                throws Exception {
            // One sequence number is one second: 60 days back, so that entry.time stays in the past for 5 million
            // bodies (a realistic-bench run writes 1-3.5 million with mix-file, 8,000 per second of each closed-loop
            // phase and warm-up round whether sent or not; a 30-minute soak at 1,000 changes/s sends 1.6 million).
            Mix mix = new Mix(waba, templates, System.currentTimeMillis() / 1000 - 60 * 86_400, 0, List.of(), 0);
            AtomicInteger next = new AtomicInteger();
            AtomicInteger ok = new AtomicInteger();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                Thread thread = new Thread(() -> {
                    for (int i = next.getAndIncrement(); i < templates; i = next.getAndIncrement()) {
                        try {
                            String body = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"" + waba
                                    + "\",\"time\":" + (mix.base + mix.sequence.incrementAndGet()) + ",\"changes\":["
                                    + mix.status(i, "APPROVED", null, null) + "]}]}";
                            HttpResponse<Void> response = client.send(
                                    signed(url, secret, body.getBytes(StandardCharsets.UTF_8)),
                                    HttpResponse.BodyHandlers.discarding());
                            if (response.statusCode() == 200) {
                                ok.incrementAndGet();
                            }
                        } catch (Exception e) {
                            System.err.println("seed POST failed: " + e);
                        }
                    }
                });
                thread.start();
                threads.add(thread);
            }
            for (Thread thread : threads) {
                thread.join();
            }
            mix.save(state);
            System.out.printf("seed templates=%d ok=%d%n", templates, ok.get());
        }

        /**
         * At a fixed rate of changes: one POST in ten carries two, so 1.1 changes per POST. 48 paced
         * senders, so that the offered rate holds while an answer takes up to 48 ms (16 would fall
         * behind as soon as the p50 passes 16 ms, measuring the senders rather than the processing).
         */
        static void paced(HttpClient client, String url, String secret, int changesPerSecond, int seconds, Mix mix,
                          Path state) throws Exception {
            // A template POST carries 1.1 changes on average, a status POST one.
            double changesPerPost = 1.1 * (1 - mix.statusShare) + mix.statusShare;
            WebhookLoad.paced("mix-rate", client, 48, changesPerSecond / changesPerPost, seconds, () -> mix.next(url, secret),
                    mix::summary);
            mix.save(state);
        }

        String summary() {
            return String.format(" changes=%d body_bytes_mean=%d status_posts=%d", changes.get(),
                    bodies.get() == 0 ? 0 : bytes.get() / bodies.get(), statusPosts.get());
        }

        HttpRequest next(String url, String secret) throws Exception {
            return signed(url, secret, nextBody());
        }

        /** The next body of the mix, counted in the summary. */
        byte[] nextBody() {
            long seq = sequence.incrementAndGet();
            ThreadLocalRandom random = ThreadLocalRandom.current();
            byte[] body;
            if (statusShare > 0 && random.nextDouble() < statusShare) {
                body = statuses(random, seq).getBytes(StandardCharsets.UTF_8);
                statusPosts.incrementAndGet();
                changes.incrementAndGet();
            } else {
                boolean withQuality = seq % 10 == 0;
                body = body(random, seq, withQuality).getBytes(StandardCharsets.UTF_8);
                changes.addAndGet(withQuality ? 2 : 1);
            }
            bytes.addAndGet(body.length);
            bodies.incrementAndGet();
            return body;
        }

        /**
         * COUNT bodies of the mix for bench/mix.lua (wrk), signed, written before the measure: line i goes to
         * {@code PREFIX.(i % PARTS)}, one file per wrk thread, as "changes TAB signature TAB body" (a body holds
         * neither). The sequence moves past all of them, sent or not.
         */
        static void files(String secret, int count, int parts, String prefix, Mix mix, Path state) throws Exception {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            java.io.Writer[] out = new java.io.Writer[parts];
            for (int p = 0; p < parts; p++) {
                out[p] = Files.newBufferedWriter(Path.of(prefix + "." + p), StandardCharsets.UTF_8);
            }
            for (int i = 0; i < count; i++) {
                long before = mix.changes.get();
                byte[] body = mix.nextBody();
                out[i % parts].append(Long.toString(mix.changes.get() - before)).append('\t').append("sha256=")
                        .append(HexFormat.of().formatHex(mac.doFinal(body))).append('\t')
                        .append(new String(body, StandardCharsets.UTF_8)).append('\n');
            }
            for (java.io.Writer writer : out) {
                writer.close();
            }
            mix.save(state);
        }

        String body(java.util.Random random, long seq, boolean withQuality) {
            int template = random.nextInt(templates);
            String event = EVENTS[random.nextInt(EVENTS.length)];
            String title = event.equals("PAUSED") ? (random.nextBoolean() ? "FIRST_PAUSE" : "SECOND_PAUSE") : null;
            StringBuilder description = new StringBuilder("Template bench_template_").append(template)
                    .append(", change ").append(seq).append(':');
            while (description.length() < 1_100) {
                description.append(FILLER);
            }
            description.setLength(1_100);
            StringBuilder body = new StringBuilder(1_600).append("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"")
                    .append(waba).append("\",\"time\":").append(base + seq).append(",\"changes\":[")
                    .append(status(template, event, title, description.toString()));
            if (withQuality) {
                int other = random.nextInt(templates);
                int previous = random.nextInt(QUALITY.length);
                int current = (previous + 1 + random.nextInt(QUALITY.length - 1)) % QUALITY.length;
                body.append(",{\"field\":\"message_template_quality_update\",\"value\":{\"previous_quality_score\":\"")
                        .append(QUALITY[previous]).append("\",\"new_quality_score\":\"").append(QUALITY[current])
                        .append("\",\"message_template_id\":").append(FIRST_META_ID + other)
                        .append(",\"message_template_name\":\"bench_template_").append(other)
                        .append("\",\"message_template_language\":\"en_US\"}}");
            }
            return body.append("]}]}").toString();
        }

        /**
         * A {@code messages} webhook as Meta sends one per status (meta-platform.md, per-message pricing since
         * July 2025, with the recipient's business-scoped user id since 2026): one status of a send picked at random, {@code sent}, {@code delivered} or {@code read}
         * picked at random (Meta redelivers and reorders them, so any order and any repeat is real), dated
         * {@code base + seq} like the template changes, so each status has a time of its own.
         */
        String statuses(java.util.Random random, long seq) {
            List<String[]> known = sends;
            String[] send = known.get(random.nextInt(known.size()));
            String status = STATUSES[random.nextInt(STATUSES.length)];
            return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"" + waba + "\",\"time\":"
                    + (base + seq) + ",\"changes\":[{\"field\":\"messages\",\"value\":{\"messaging_product\":"
                    + "\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550001111\",\"phone_number_id\":"
                    + "\"106540352242922\"},\"statuses\":[{\"id\":\"" + send[0] + "\",\"status\":\"" + status
                    + "\",\"timestamp\":\"" + (base + seq) + "\",\"recipient_id\":\"" + send[1]
                    + "\",\"recipient_user_id\":\"US.7" + send[1] + "\",\"pricing\":{\"billable\":true,\"pricing_model\":\"PMP\",\"category\":\"marketing\","
                    + "\"type\":\"regular\"}}]}}]}]}";
        }

        private String status(int template, String event, String title, String description) {
            StringBuilder change = new StringBuilder("{\"field\":\"message_template_status_update\",\"value\":{\"event\":\"")
                    .append(event).append("\",\"message_template_id\":").append(FIRST_META_ID + template)
                    .append(",\"message_template_name\":\"bench_template_").append(template)
                    .append("\",\"message_template_language\":\"en_US\",\"reason\":\"NONE\",")
                    .append("\"message_template_category\":\"").append(template % 2 == 0 ? "MARKETING" : "UTILITY")
                    .append('"');
            if (description != null) {
                change.append(",\"other_info\":{");
                if (title != null) {
                    change.append("\"title\":\"").append(title).append("\",");
                }
                change.append("\"description\":\"").append(description).append("\"}");
            }
            return change.append("}}").toString();
        }
    }

    /** Sleeps until {@code System.nanoTime()} reaches {@code due}; false when interrupted. */
    static boolean sleepUntil(long due) {
        long wait = due - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                return false;
            }
        }
        return true;
    }

    static void report(String mode, int total, int ok, long elapsedNanos, long[][] latencies, String extra) {
        long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        double seconds = elapsedNanos / 1e9;
        System.out.printf("%s requests=%d ok=%d rate=%.0f/s p50=%.1fms p99=%.1fms%s%n", mode, total, ok, ok / seconds,
                percentile(all, 0.50), percentile(all, 0.99), extra);
    }

    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
