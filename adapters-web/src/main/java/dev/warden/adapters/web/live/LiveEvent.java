package dev.warden.adapters.web.live;

import dev.warden.domain.alert.AlertEvent;
import dev.warden.domain.campaign.CampaignEvent;
import dev.warden.domain.shared.DomainEvent;
import dev.warden.domain.template.TemplateEvent;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What an open dashboard hears about a committed domain event: which kind of thing changed
 * ({@code subject}: template, campaign or alert), how ({@code type}, the event's name), its id, and a
 * few words for a notice. The page reloads what it shows from the API; the event says only what to reload.
 */
@Serdeable
public record LiveEvent(String subject, String type, String organizationId, String id, Instant at,
                        Map<String, String> detail) {

    /** The live form of a domain event; empty for a kind the dashboard does not show. */
    public static Optional<LiveEvent> of(DomainEvent event) {
        Map<String, String> detail = new LinkedHashMap<>();
        String org = event.organizationId().toString();
        String type = event.getClass().getSimpleName();
        if (event instanceof TemplateEvent t) {
            if (t instanceof TemplateEvent.StatusChanged s) {
                detail.put("from", s.from().name());
                detail.put("to", s.to().name());
            } else if (t instanceof TemplateEvent.QualityChanged q) {
                detail.put("from", q.from().name());
                detail.put("to", q.to().name());
            }
            return Optional.of(new LiveEvent("template", type, org, t.templateId().toString(), t.at(), detail));
        }
        if (event instanceof CampaignEvent c) {
            return Optional.of(new LiveEvent("campaign", type, org, c.campaignId().toString(), c.at(), detail));
        }
        if (event instanceof AlertEvent a) {
            if (a instanceof AlertEvent.Raised r) {
                detail.put("severity", r.severity().name());
                detail.put("alertType", r.type().name());
            }
            return Optional.of(new LiveEvent("alert", type, org, a.alertId().toString(), a.at(), detail));
        }
        return Optional.empty();
    }
}
