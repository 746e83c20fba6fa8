package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.AcknowledgeAlertUseCase;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.audit.AuditAction;
import dev.warden.domain.audit.AuditResource;
import dev.warden.domain.audit.AuditTrail;
import dev.warden.domain.alert.Alert;
import dev.warden.domain.alert.AlertId;
import dev.warden.domain.alert.AlertRepository;
import dev.warden.domain.alert.AlertSnapshot;
import dev.warden.domain.alert.AlertState;
import dev.warden.domain.governance.AlertAcknowledgement;
import dev.warden.domain.shared.DomainEvent;
import dev.warden.domain.shared.DomainEventPublisher;
import dev.warden.domain.shared.NotFound;
import dev.warden.domain.shared.OrganizationId;
import java.time.Clock;
import java.util.Map;
import java.util.List;
import java.util.Optional;

/** Use case implementation: acknowledge an alert and apply what acknowledging means. */
public final class AcknowledgeAlertService implements AcknowledgeAlertUseCase {

    private final AlertAcknowledgement acknowledgement;
    private final AlertRepository alerts;
    private final UnitOfWork unitOfWork;
    private final DomainEventPublisher publisher;
    private final Clock clock;
    private final AdminAudit audit;

    public AcknowledgeAlertService(AlertAcknowledgement acknowledgement, AlertRepository alerts, UnitOfWork unitOfWork,
                                   DomainEventPublisher publisher, AuditTrail audit, Clock clock) {
        this.acknowledgement = acknowledgement;
        this.alerts = alerts;
        this.unitOfWork = unitOfWork;
        this.publisher = publisher;
        this.clock = clock;
        this.audit = new AdminAudit(audit, clock);
    }

    @Override
    public AlertSnapshot acknowledgeAlert(Actor actor, Optional<OrganizationId> requested, AlertId alertId) {
        OrganizationId organizationId = unitOfWork.inTransaction(() -> Scopes.of(actor, requested,
                () -> alerts.ownerOf(alertId), () -> new NotFound("alert", alertId)));
        actor.requireWrite(organizationId);
        List<DomainEvent> events = unitOfWork.inTransaction(() -> {
            List<DomainEvent> raised = acknowledgement.acknowledge(organizationId, alertId, actor.username(),
                    clock.instant());
            // Only an open alert is acknowledged; acknowledging again changes nothing and is no action.
            if (!raised.isEmpty()) {
                audit.record(actor, organizationId, AuditAction.ALERT_ACKNOWLEDGED,
                        AuditResource.of(AuditResource.Kind.ALERT, alertId.value()),
                        Map.of("state", AlertState.OPEN.name()), Map.of("state", AlertState.ACKNOWLEDGED.name()));
            }
            return raised;
        });
        publisher.publish(events);
        return unitOfWork.inTransaction(() -> alerts.findById(organizationId, alertId))
                .map(Alert::snapshot).orElseThrow(() -> new NotFound("alert", alertId));
    }
}
