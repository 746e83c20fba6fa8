package dev.warden.bootstrap;

import dev.warden.adapters.web.webhook.WebhookIntake;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * Part of {@code /health/readiness}: DOWN from the moment Warden begins to stop, when webhooks are
 * answered 503 ({@link OrderlyStop}), so a load balancer sends them to another instance.
 */
@Singleton
final class WebhookIntakeHealth extends AbstractHealthIndicator<Map<String, Object>> {

    private final WebhookIntake intake;

    WebhookIntakeHealth(WebhookIntake intake) {
        this.intake = intake;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        boolean open = intake.open();
        healthStatus = open ? HealthStatus.UP : HealthStatus.DOWN;
        return Map.of("webhooks", open ? "taken in" : "answered 503: Warden is stopping");
    }

    @Override
    protected String getName() {
        return "intake";
    }
}
