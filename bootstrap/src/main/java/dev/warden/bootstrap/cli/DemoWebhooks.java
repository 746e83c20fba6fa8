package dev.warden.bootstrap.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The demo's recorded webhooks: Meta's wire format, byte for byte as stored in {@code demo/*.json}
 * (WABA, template ids and event times included), each signed with the app secret as Meta signs and
 * posted to Warden's receiver over HTTP, exactly as {@code webhook send} posts a file.
 */
final class DemoWebhooks {

    /** The WABA every recorded webhook names (entry[].id). */
    static final String WABA = "104996385901011";

    private final URI receiver;
    private final String appSecret;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    DemoWebhooks(URI receiver, String appSecret) {
        this.receiver = receiver;
        this.appSecret = appSecret;
    }

    /** Posts the recorded {@code demo/NAME}; the HTTP status Warden answered (200 once it stored it). */
    int play(String name) throws IOException, InterruptedException {
        byte[] body = recorded(name);
        HttpRequest request = HttpRequest.newBuilder(receiver).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", "sha256=" + WebhookSendCommand.hmacSha256(appSecret, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static byte[] recorded(String name) {
        try (InputStream in = DemoWebhooks.class.getResourceAsStream("/demo/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks the recorded webhook demo/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
