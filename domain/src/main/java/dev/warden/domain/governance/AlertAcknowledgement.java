package dev.warden.domain.governance;

import dev.warden.domain.alert.Alert;
import dev.warden.domain.alert.AlertEvent;
import dev.warden.domain.alert.AlertId;
import dev.warden.domain.alert.AlertRepository;
import dev.warden.domain.alert.AlertState;
import dev.warden.domain.alert.AlertSubject;
import dev.warden.domain.alert.AlertType;
import dev.warden.domain.alert.Alerting;
import dev.warden.domain.campaign.CampaignRepository;
import dev.warden.domain.organization.Organization;
import dev.warden.domain.organization.OrganizationRepository;
import dev.warden.domain.shared.DomainEvent;
import dev.warden.domain.shared.NotFound;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.ChangeOutcome;
import dev.warden.domain.template.MessageTemplate;
import dev.warden.domain.template.TemplateEvent;
import dev.warden.domain.template.TemplateHistory;
import dev.warden.domain.template.TemplateId;
import dev.warden.domain.template.TemplateRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A person acknowledges an alert. Acknowledging a category change is the consent SPEC 3.4 waits
 * for: the template records it and the category hold is lifted from its campaigns, whatever else
 * (a template status, a person's pause) still holds them.
 */
public final class AlertAcknowledgement {

    private final AlertRepository alerts;
    private final TemplateRepository templates;
    private final TemplateHistory history;
    private final OrganizationRepository organizations;
    private final LifecycleReactions reactions;

    public AlertAcknowledgement(AlertRepository alerts, TemplateRepository templates, TemplateHistory history,
                                CampaignRepository campaigns, OrganizationRepository organizations,
                                AutoPausePolicy autoPausePolicy) {
        this.alerts = alerts;
        this.templates = templates;
        this.history = history;
        this.organizations = organizations;
        this.reactions = new LifecycleReactions(campaigns, new Alerting(alerts),
                new HoldRules(autoPausePolicy));
    }

    public List<DomainEvent> acknowledge(OrganizationId organizationId, AlertId alertId, String username, Instant now) {
        Alert alert = alerts.findById(organizationId, alertId).orElseThrow(() -> new NotFound("alert", alertId));
        List<DomainEvent> events = new ArrayList<>();
        if (!alert.acknowledge(username, now)) {
            return events;
        }
        // The template and its campaigns first, the alert last: the order an inbox batch writes them in,
        // so the two never wait for each other in a circle.
        if (alert.type() == AlertType.CATEGORY_CHANGED && alert.subject().isTemplate()) {
            templates.findById(organizationId, TemplateId.parse(alert.subject().key()))
                    .ifPresent(template -> events.addAll(consent(organizationId, template, username, now)));
        }
        alerts.update(alert);
        events.add(0, new AlertEvent.Acknowledged(organizationId, alertId, alert.type(), username, now));
        return events;
    }

    /**
     * Acknowledges every open alert about a template, as {@link #acknowledge} would one by one. The
     * category change goes first: it writes the template and its campaigns before any alert, the
     * order an inbox batch writes them in.
     */
    public List<DomainEvent> acknowledgeAllAbout(OrganizationId organizationId, TemplateId templateId,
                                                 String username, Instant now) {
        List<DomainEvent> events = new ArrayList<>();
        alerts.findUnresolved(organizationId, AlertSubject.template(templateId)).stream()
                .filter(alert -> alert.state() == AlertState.OPEN)
                .sorted(Comparator.comparing((Alert alert) -> alert.type() != AlertType.CATEGORY_CHANGED)
                        .thenComparing(alert -> alert.id().value()))
                .forEach(alert -> events.addAll(acknowledge(organizationId, alert.id(), username, now)));
        return events;
    }

    private List<DomainEvent> consent(OrganizationId organizationId, MessageTemplate template, String username,
                                      Instant now) {
        Optional<ChangeOutcome> consented = template.consentToCategoryChange(username, now);
        if (consented.isEmpty()) {
            return List.of();
        }
        templates.update(template);
        consented.get().history().forEach(history::append);
        List<DomainEvent> events = new ArrayList<>(consented.get().events());
        for (TemplateEvent event : consented.get().events()) {
            events.addAll(reactions.followHoldRules(template.snapshot(), event, () -> organizations
                    .findById(organizationId).map(Organization::autoResumeCampaigns).orElse(true), now));
        }
        return events;
    }
}
