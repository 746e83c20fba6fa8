package dev.warden.application.service;

import dev.warden.application.port.in.AcknowledgeTemplateAlertsUseCase;
import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.TemplateNotFound;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.alert.Alert;
import dev.warden.domain.alert.AlertEvent;
import dev.warden.domain.alert.AlertId;
import dev.warden.domain.alert.AlertRepository;
import dev.warden.domain.alert.AlertSnapshot;
import dev.warden.domain.alert.AlertState;
import dev.warden.domain.audit.AuditAction;
import dev.warden.domain.audit.AuditResource;
import dev.warden.domain.audit.AuditTrail;
import dev.warden.domain.governance.AlertAcknowledgement;
import dev.warden.domain.shared.DomainEvent;
import dev.warden.domain.shared.DomainEventPublisher;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.TemplateId;
import dev.warden.domain.template.TemplateRepository;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Use case implementation: acknowledge every open alert about a template in one transaction, with
 * what acknowledging each means (a category change's consent releases the campaigns it held) and
 * an audit record for each.
 */
public final class AcknowledgeTemplateAlertsService implements AcknowledgeTemplateAlertsUseCase {

    private final AlertAcknowledgement acknowledgement;
    private final TemplateRepository templates;
    private final AlertRepository alerts;
    private final UnitOfWork unitOfWork;
    private final DomainEventPublisher publisher;
    private final AdminAudit audit;
    private final Clock clock;

    public AcknowledgeTemplateAlertsService(AlertAcknowledgement acknowledgement, TemplateRepository templates,
                                            AlertRepository alerts, UnitOfWork unitOfWork,
                                            DomainEventPublisher publisher, AuditTrail audit, Clock clock) {
        this.acknowledgement = acknowledgement;
        this.templates = templates;
        this.alerts = alerts;
        this.unitOfWork = unitOfWork;
        this.publisher = publisher;
        this.audit = new AdminAudit(audit, clock);
        this.clock = clock;
    }

    @Override
    public List<AlertSnapshot> acknowledgeTemplateAlerts(Actor actor, Optional<OrganizationId> organizationId,
                                                         TemplateId templateId) {
        OrganizationId scope = unitOfWork.inTransaction(() -> {
            OrganizationId owner = Scopes.of(actor, organizationId, () -> templates.ownerOf(templateId),
                    () -> new TemplateNotFound(templateId));
            templates.findById(owner, templateId).orElseThrow(() -> new TemplateNotFound(templateId));
            return owner;
        });
        actor.requireWrite(scope);
        List<DomainEvent> events = unitOfWork.inTransaction(() -> {
            List<DomainEvent> caused = acknowledgement.acknowledgeAllAbout(scope, templateId, actor.username(),
                    clock.instant());
            acknowledged(caused).forEach(alertId -> audit.record(actor, scope, AuditAction.ALERT_ACKNOWLEDGED,
                    AuditResource.of(AuditResource.Kind.ALERT, alertId.value()),
                    Map.of("state", AlertState.OPEN.name()), Map.of("state", AlertState.ACKNOWLEDGED.name())));
            return caused;
        });
        publisher.publish(events);
        return unitOfWork.inTransaction(() -> acknowledged(events).stream()
                .map(alertId -> alerts.findById(scope, alertId)).flatMap(Optional::stream)
                .map(Alert::snapshot).toList());
    }

    private static List<AlertId> acknowledged(List<DomainEvent> events) {
        return events.stream().filter(AlertEvent.Acknowledged.class::isInstance)
                .map(event -> ((AlertEvent.Acknowledged) event).alertId()).toList();
    }
}
