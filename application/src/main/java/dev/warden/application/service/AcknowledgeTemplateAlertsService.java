package dev.warden.application.service;

import dev.warden.application.port.in.AcknowledgeTemplateAlertsUseCase;
import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.TemplateNotFound;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.alert.Alert;
import dev.warden.domain.alert.AlertEvent;
import dev.warden.domain.alert.AlertRepository;
import dev.warden.domain.alert.AlertSnapshot;
import dev.warden.domain.governance.AlertAcknowledgement;
import dev.warden.domain.shared.DomainEvent;
import dev.warden.domain.shared.DomainEventPublisher;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.TemplateId;
import dev.warden.domain.template.TemplateRepository;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Use case implementation: acknowledge every open alert about a template in one transaction, with
 * what acknowledging each means (a category change's consent releases the campaigns it held).
 */
public final class AcknowledgeTemplateAlertsService implements AcknowledgeTemplateAlertsUseCase {

    private final AlertAcknowledgement acknowledgement;
    private final TemplateRepository templates;
    private final AlertRepository alerts;
    private final UnitOfWork unitOfWork;
    private final DomainEventPublisher publisher;
    private final Clock clock;

    public AcknowledgeTemplateAlertsService(AlertAcknowledgement acknowledgement, TemplateRepository templates,
                                            AlertRepository alerts, UnitOfWork unitOfWork,
                                            DomainEventPublisher publisher, Clock clock) {
        this.acknowledgement = acknowledgement;
        this.templates = templates;
        this.alerts = alerts;
        this.unitOfWork = unitOfWork;
        this.publisher = publisher;
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
        List<DomainEvent> events = unitOfWork.inTransaction(() ->
                acknowledgement.acknowledgeAllAbout(scope, templateId, actor.username(), clock.instant()));
        publisher.publish(events);
        return unitOfWork.inTransaction(() -> events.stream()
                .filter(AlertEvent.Acknowledged.class::isInstance).map(AlertEvent.Acknowledged.class::cast)
                .map(acknowledged -> alerts.findById(scope, acknowledged.alertId())).flatMap(Optional::stream)
                .map(Alert::snapshot).toList());
    }
}
