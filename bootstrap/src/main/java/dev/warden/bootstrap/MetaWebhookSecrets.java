package dev.warden.bootstrap;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says, at start and in the health details, whether Meta's webhook secrets are set. Without an app
 * secret every delivery is refused with 401, which Meta retries for days and nobody notices; an
 * operator must see it. Only whether a secret is set is told, never its value. The instance stays UP:
 * it serves the API, and a secret is added by configuration, not by restarting a failing node.
 */
@Singleton
final class MetaWebhookSecrets implements HealthIndicator {

    static final String NAME = "metaWebhooks";
    static final String MISSING_APP_SECRET = "WARDEN_META_APP_SECRET is not set: every webhook delivery will be "
            + "refused with 401 until it is set to the app secret of the Meta app";
    private static final Logger LOG = LoggerFactory.getLogger(MetaWebhookSecrets.class);

    private final long appSecrets;
    private final boolean verifyToken;

    MetaWebhookSecrets(@Value("${warden.meta.app-secret:}") String appSecret,
                       @Value("${warden.meta.verify-token:}") String verifyToken) {
        this.appSecrets = Arrays.stream(appSecret.split(",")).filter(secret -> !secret.isBlank()).count();
        this.verifyToken = !verifyToken.isBlank();
    }

    @EventListener
    void onStartup(ServerStartupEvent event) {
        if (appSecrets == 0) {
            LOG.warn(MISSING_APP_SECRET);
        }
    }

    @Override
    public Publisher<HealthResult> getResult() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("appSecret", appSecrets == 0 ? "missing: " + MISSING_APP_SECRET
                : appSecrets + (appSecrets == 1 ? " secret set" : " secrets set (rotation)"));
        details.put("verifyToken", verifyToken ? "set"
                : "missing: WARDEN_META_VERIFY_TOKEN is not set, so Meta's subscription handshake is refused");
        return Publishers.just(HealthResult.builder(NAME, HealthStatus.UP).details(details).build());
    }
}
