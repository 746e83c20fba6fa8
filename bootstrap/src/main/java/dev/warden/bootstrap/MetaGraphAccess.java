package dev.warden.bootstrap;

import dev.warden.adapters.meta.graph.GraphSettings;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says, at start and in the health details, whether Warden can call Meta's Graph API: without an
 * access token reconciliation is off and missed webhooks are never healed. Only whether the token
 * is set is told, never the token. The instance stays UP, as for a missing app secret.
 */
@Singleton
final class MetaGraphAccess implements HealthIndicator {

    static final String NAME = "metaGraphApi";
    static final String MISSING_TOKEN = "WARDEN_META_ACCESS_TOKEN is not set: reconciliation with Meta is off, so "
            + "a missed webhook is never healed and POST /api/v1/whatsapp-accounts/{wabaId}/sync answers 409";
    private static final Logger LOG = LoggerFactory.getLogger(MetaGraphAccess.class);

    private final GraphSettings settings;

    MetaGraphAccess(GraphSettings settings) {
        this.settings = settings;
    }

    @EventListener
    void onStartup(ServerStartupEvent event) {
        if (!settings.hasToken()) {
            LOG.warn(MISSING_TOKEN);
        }
    }

    @Override
    public Publisher<HealthResult> getResult() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("graphUrl", settings.baseUrl().toString());
        details.put("accessToken", settings.hasToken() ? "set" : "missing: " + MISSING_TOKEN);
        details.put("reconciliation", settings.hasToken() ? "on" : "off");
        return Publishers.just(HealthResult.builder(NAME, HealthStatus.UP).details(details).build());
    }
}
