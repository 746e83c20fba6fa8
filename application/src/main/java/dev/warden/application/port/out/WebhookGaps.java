package dev.warden.application.port.out;

import dev.warden.domain.health.MissedWebhooks;
import dev.warden.domain.health.WebhookField;
import dev.warden.domain.organization.WabaId;
import dev.warden.domain.shared.OrganizationId;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Outgoing port: the changes reconciliation found that no webhook had reported, counted per WABA and field. */
public interface WebhookGaps {

    /** Adds a reconciliation's missed changes to the WABA's counts. */
    void record(OrganizationId organizationId, WabaId wabaId, MissedWebhooks missed, Instant at);

    /** The WABA's counts so far, with when a change of each field was last found missed. */
    Map<WebhookField, Count> counts(OrganizationId organizationId, WabaId wabaId);

    /** When Warden last received a template webhook for the WABA, while the inbox still holds one. */
    Optional<Instant> lastWebhookReceived(OrganizationId organizationId, WabaId wabaId);

    record Count(long missed, Instant lastMissedAt) {
    }
}
