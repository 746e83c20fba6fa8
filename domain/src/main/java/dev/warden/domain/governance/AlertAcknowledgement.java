package dev.warden.domain.governance;

import dev.warden.domain.alert.Alert;
import dev.warden.domain.alert.AlertEvent;
import dev.warden.domain.alert.AlertId;
import dev.warden.domain.alert.AlertRepository;
import dev.warden.domain.alert.AlertType;
import dev.warden.domain.campaign.CampaignRepository;
import dev.warden.domain.campaign.PauseReason;
import dev.warden.domain.shared.DomainEvent;
import dev.warden.domain.shared.NotFound;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.MessageTemplate;
import dev.warden.domain.template.TemplateId;
import dev.warden.domain.template.TemplateRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A person acknowledges an alert. Acknowledging a category change is the consent SPEC 3.4 waits
 * for: the campaigns Warden paused for it resume if the template can still be sent.
 */
public final class AlertAcknowledgement {

    private final AlertRepository alerts;
    private final TemplateRepository templates;
    private final CampaignRepository campaigns;

    public AlertAcknowledgement(AlertRepository alerts, TemplateRepository templates, CampaignRepository campaigns) {
        this.alerts = alerts;
        this.templates = templates;
        this.campaigns = campaigns;
    }

    public List<DomainEvent> acknowledge(OrganizationId organizationId, AlertId alertId, String username, Instant now) {
        Alert alert = alerts.findById(organizationId, alertId).orElseThrow(() -> new NotFound("alert", alertId));
        List<DomainEvent> events = new ArrayList<>();
        if (!alert.acknowledge(username, now)) {
            return events;
        }
        alerts.update(alert);
        events.add(new AlertEvent.Acknowledged(organizationId, alertId, alert.type(), username, now));
        if (alert.type() == AlertType.CATEGORY_CHANGED && alert.subject().isTemplate()) {
            Optional<MessageTemplate> template =
                    templates.findById(organizationId, TemplateId.parse(alert.subject().key()));
            if (template.isPresent() && template.get().status().isSendable()) {
                events.addAll(campaigns.resumePausedBySystem(organizationId, template.get().id(),
                        Set.of(PauseReason.CATEGORY_CHANGED), now));
            }
        }
        return events;
    }
}
