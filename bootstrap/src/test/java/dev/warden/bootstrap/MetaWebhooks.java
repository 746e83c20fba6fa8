package dev.warden.bootstrap;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Webhook bodies shaped like Meta's (meta-platform.md), and their signatures. */
final class MetaWebhooks {

    static final String APP_SECRET = "test-app-secret";
    static final String OLD_APP_SECRET = "previous-app-secret";
    static final String VERIFY_TOKEN = "verify-me-please";

    private MetaWebhooks() {
    }

    static String randomWaba() {
        return String.valueOf(100_000_000_000_000L + ThreadLocalRandom.current().nextLong(800_000_000_000_000L));
    }

    static String envelope(String wabaId, long time, String field, String value) {
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"%s","time":%d,
                "changes":[{"value":%s,"field":"%s"}]}]}""".formatted(wabaId, time, value, field);
    }

    static String status(String wabaId, long time, String templateId, String event) {
        return envelope(wabaId, time, "message_template_status_update", """
                {"event":"%s","message_template_id":%s,"message_template_name":"order_update",
                 "message_template_language":"en-US","reason":"NONE","message_template_category":"UTILITY"%s}"""
                .formatted(event, templateId, "PAUSED".equals(event)
                        ? ",\"other_info\":{\"title\":\"FIRST_PAUSE\",\"description\":\"Paused for 3 hours\"}" : ""));
    }

    static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sign(byte[] body) {
        return sign(APP_SECRET, body);
    }

    static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
