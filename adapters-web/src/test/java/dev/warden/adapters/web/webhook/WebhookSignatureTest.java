package dev.warden.adapters.web.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The signature as Meta computes it, independently here: HMAC-SHA256 of the raw bytes, lowercase hex. */
class WebhookSignatureTest {

    private final WebhookSignature signature = new WebhookSignature(configured("new-secret, old-secret"));

    @Test
    void any_body_signed_with_either_secret_matches_and_one_changed_byte_does_not() {
        qt().withExamples(300).forAll(strings().allPossible().ofLengthBetween(0, 2_000), integers().between(0, 1))
                .checkAssert((text, which) -> {
                    byte[] body = text.getBytes(StandardCharsets.UTF_8);
                    String header = header(which == 0 ? "new-secret" : "old-secret", body);

                    assertThat(signature.matches(body, header)).isTrue();
                    assertThat(signature.matches(body, header(which == 0 ? "other" : "old-secret ", body))).isFalse();
                    if (body.length > 0) {
                        byte[] changed = body.clone();
                        changed[changed.length / 2] ^= 1;
                        assertThat(signature.matches(changed, header)).isFalse();
                    }
                });
    }

    @Test
    void bodies_checked_at_once_on_many_threads_each_match_their_own_signature() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> checks = new ArrayList<>();
            for (int i = 0; i < 4_000; i++) {
                byte[] body = ("{\"delivery\":" + i + ",\"pad\":\"" + "x".repeat(i % 1_500) + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
                String header = header(i % 2 == 0 ? "new-secret" : "old-secret", body);
                checks.add(threads.submit(() -> signature.matches(body, header)));
            }
            for (Future<Boolean> check : checks) {
                assertThat(check.get()).isTrue();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** The header Meta sends for {@code body} signed with {@code secret}, computed without {@link WebhookSignature}. */
    static String header(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MetaWebhookConfiguration configured(String secrets) {
        MetaWebhookConfiguration configuration = new MetaWebhookConfiguration();
        configuration.setAppSecret(secrets);
        return configuration;
    }
}
