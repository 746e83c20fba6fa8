package dev.warden.bootstrap.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code warden webhook send FILE}: posts a payload signed as Meta signs it (HMAC-SHA256 of the raw
 * bytes with the app secret), to test a deployment end to end. Needs no database.
 */
@Command(name = "send",
        description = "Signs a JSON payload with the configured app secret (WARDEN_META_APP_SECRET, the first"
                + " of a list) as Meta does, posts it, and prints the answer. Exits 1 unless it is a 2xx.")
final class WebhookSendCommand implements Callable<Integer> {

    private static final String APP_SECRET = "warden.meta.app-secret";

    @ParentCommand
    private WebhookCommand webhook;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "the payload, sent byte for byte")
    private Path file;

    @Option(names = "--url", defaultValue = "http://localhost:8080/webhooks/meta",
            description = "where Warden receives Meta's webhooks (default: ${DEFAULT-VALUE})")
    private URI url;

    @Override
    public Integer call() throws IOException, InterruptedException {
        String secret = appSecret();
        if (secret.isEmpty()) {
            spec.commandLine().getErr().println("warden: no app secret configured: set WARDEN_META_APP_SECRET"
                    + " (or --warden.meta.app-secret=...)");
            return CommandLine.ExitCode.USAGE;
        }
        byte[] body = Files.readAllBytes(file);
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", "sha256=" + hmacSha256(secret, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
                .send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        PrintWriter out = spec.commandLine().getOut();
        out.println("HTTP " + response.statusCode());
        if (!response.body().isEmpty()) {
            out.println(response.body());
        }
        return response.statusCode() / 100 == 2 ? CommandLine.ExitCode.OK : CommandLine.ExitCode.SOFTWARE;
    }

    /** The first configured secret (while rotating, Meta signs with the new one, listed first). */
    private String appSecret() {
        return webhook.warden().setting(APP_SECRET).orElse("").split(",", -1)[0].strip();
    }

    /** Meta's signature of {@code body}: the hex HMAC-SHA256 with the app secret as key. */
    static String hmacSha256(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
