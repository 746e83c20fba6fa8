package dev.warden.adapters.web.api;

import dev.warden.adapters.web.security.Actors;
import dev.warden.application.port.in.GetWebhookHealthUseCase;
import dev.warden.domain.organization.WabaId;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;

/** Web adapter: whether Meta's template webhooks reach Warden for a WABA (the webhook-gap detector's view). */
@Controller("/api/v1/whatsapp-accounts")
@ExecuteOn(TaskExecutors.BLOCKING)
class WebhookHealthController {

    private final GetWebhookHealthUseCase webhookHealth;

    WebhookHealthController(GetWebhookHealthUseCase webhookHealth) {
        this.webhookHealth = webhookHealth;
    }

    @Get("/{wabaId}/webhook-health")
    @Secured({"SUPER_ADMIN", "ORG_ADMIN", "VIEWER"})
    WebhookHealthResponse get(@PathVariable String wabaId, Authentication authentication) {
        return WebhookHealthResponse.from(webhookHealth.webhookHealth(Actors.of(authentication), new WabaId(wabaId)));
    }
}
