package dev.warden.adapters.web.webhook;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.util.Arrays;
import java.util.List;

/**
 * {@code warden.meta.*}: the verify token Meta sends in the handshake (WARDEN_META_VERIFY_TOKEN)
 * and the app secret(s) Meta signs deliveries with (WARDEN_META_APP_SECRET, comma-separated
 * during a rotation). Never logged.
 */
@ConfigurationProperties("warden.meta")
final class MetaWebhookConfiguration {

    private String verifyToken = "";
    private String appSecret = "";

    String getVerifyToken() {
        return verifyToken;
    }

    void setVerifyToken(String verifyToken) {
        this.verifyToken = verifyToken == null ? "" : verifyToken;
    }

    String getAppSecret() {
        return appSecret;
    }

    void setAppSecret(String appSecret) {
        this.appSecret = appSecret == null ? "" : appSecret;
    }

    List<String> appSecrets() {
        return Arrays.stream(appSecret.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    @Override
    public String toString() {
        return "MetaWebhookConfiguration[secrets redacted]";
    }
}
