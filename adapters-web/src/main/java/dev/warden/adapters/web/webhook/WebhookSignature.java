package dev.warden.adapters.web.webhook;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Meta's {@code X-Hub-Signature-256: sha256=<hex>}: HMAC-SHA256 of the request body exactly as
 * received (Meta signs its escaped-unicode form, so a re-serialised body would not match), with
 * the app secret. Any of the configured secrets may match, for rotation; comparisons take
 * constant time.
 */
@Singleton
final class WebhookSignature {

    private static final String PREFIX = "sha256=";

    /**
     * One HMAC per secret, keyed once: each body is signed by a copy of it. Looking the algorithm up and keying it
     * anew for every POST was about 3 % of the event loop's time under load.
     */
    private final List<Mac> keyed;
    private final List<byte[]> secrets;
    /** Whether the provider copies a keyed Mac (the JDK's does); if not, each POST keys its own. */
    private final boolean copies;

    WebhookSignature(MetaWebhookConfiguration configuration) {
        this.secrets = configuration.appSecrets().stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
        this.keyed = secrets.stream().map(WebhookSignature::keyed).toList();
        this.copies = keyed.stream().allMatch(WebhookSignature::copies);
    }

    boolean configured() {
        return !keyed.isEmpty();
    }

    boolean matches(byte[] body, String header) {
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(header.substring(PREFIX.length()).strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
        boolean match = false;
        for (int i = 0; i < keyed.size(); i++) {
            Mac mac = copies ? copy(keyed.get(i)) : keyed(secrets.get(i));
            // No early exit: the time taken does not tell which secret, if any, matched.
            match |= MessageDigest.isEqual(mac.doFinal(body), given);
        }
        return match;
    }

    private static Mac keyed(byte[] secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    private static boolean copies(Mac keyed) {
        try {
            keyed.clone();
            return true;
        } catch (CloneNotSupportedException e) {
            return false;
        }
    }

    /** A Mac is not safe for concurrent use: every POST signs with its own copy of the keyed one. */
    private static Mac copy(Mac keyed) {
        try {
            return (Mac) keyed.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the HmacSHA256 provider stopped copying a keyed Mac", e);
        }
    }
}
