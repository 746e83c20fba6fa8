package dev.warden.application.port.in;

import dev.warden.application.port.out.SyncJob;
import dev.warden.application.port.out.TemplateCounts;
import dev.warden.application.port.out.WebhookGaps;
import dev.warden.domain.health.WebhookField;
import dev.warden.domain.organization.WabaId;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Use case: whether Meta's template webhooks reach Warden for a WABA, and its templates against Meta's limit. */
public interface GetWebhookHealthUseCase {

    WebhookHealth webhookHealth(Actor actor, WabaId wabaId);

    /**
     * @param lastWebhookReceived the last template webhook of the WABA the inbox holds
     * @param lastReconcile       the WABA's latest reconciliation job
     * @param missed              changes reconciliation found that no webhook had reported, per field
     * @param alertOpen           whether a WEBHOOKS_MISSING alert of the WABA is unresolved
     * @param templates           the template count against Meta's limit its latest reconciliation read
     */
    record WebhookHealth(WabaId wabaId, Optional<Instant> lastWebhookReceived, Optional<SyncJob> lastReconcile,
                         Map<WebhookField, WebhookGaps.Count> missed, boolean alertOpen,
                         Optional<Templates> templates) {
    }

    /** @param near whether the count is at or past the share of the limit that raises TEMPLATE_LIMIT_NEAR */
    record Templates(TemplateCounts.Counted counted, boolean near) {
    }
}
