package dev.warden.application.service;

import dev.warden.application.port.out.ServerLog;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.alert.AlertEvent;
import dev.warden.domain.alert.AlertSeverity;
import dev.warden.domain.alert.AlertSubject;
import dev.warden.domain.alert.AlertType;
import dev.warden.domain.alert.Alerting;
import dev.warden.domain.sending.TemplateChoice;
import dev.warden.domain.shared.DomainEventPublisher;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.TemplateSnapshot;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Says that sends go out with a fallback: one MEDIUM {@code FALLBACK_TEMPLATE_USED} alert about the
 * primary template, raised by the first such send and left alone by the next ones while it is unresolved
 * (each send records the fallback itself): during a pause every event falls back, and writing one alert
 * row per send would make it the point all of them wait on. Resolved when the primary is approved again.
 * Raised after an event's send is queued, or after a campaign send's choice is stored (before its call), in a
 * transaction of its own, tried twice (two first sends racing on
 * the one row: the second try finds the first's): losing that race must not refuse a send already queued.
 */
public final class FallbackUseAlert {

    private final UnitOfWork unitOfWork;
    private final Alerting alerting;
    private final DomainEventPublisher publisher;
    private final ServerLog log;
    private final Clock clock;

    public FallbackUseAlert(UnitOfWork unitOfWork, Alerting alerting, DomainEventPublisher publisher, ServerLog log,
                            Clock clock) {
        this.unitOfWork = unitOfWork;
        this.alerting = alerting;
        this.publisher = publisher;
        this.log = log;
        this.clock = clock;
    }

    /** Raises the alert when {@code choice} is a fallback and none is unresolved; nothing otherwise. */
    void raise(OrganizationId organization, TemplateChoice choice, UUID notificationId) {
        if (choice.insteadOf().isEmpty()) {
            return;
        }
        TemplateSnapshot primary = choice.insteadOf().get();
        TemplateSnapshot fallback = choice.template();
        RuntimeException failure = null;
        AlertSubject subject = AlertSubject.template(primary.id());
        for (int attempt = 1; attempt <= 2; attempt++) {
            Optional<AlertEvent.Raised> raised;
            try {
                raised = unitOfWork.inTransaction(() -> alerting.raiseOnce(organization,
                        AlertType.FALLBACK_TEMPLATE_USED, AlertSeverity.MEDIUM, subject,
                        "template " + primary.name().value() + " (" + primary.language().value() + ") is "
                                + primary.status() + ", so sends go out with its fallback " + fallback.name().value()
                                + " (" + fallback.language().value() + ") until it is approved again",
                        Map.of("fallbackTemplateId", fallback.id().toString(), "primaryStatus",
                                primary.status().name(), "firstNotificationId", notificationId.toString()),
                        clock.instant()));
            } catch (RuntimeException e) {
                failure = e;
                continue;
            }
            raised.ifPresent(event -> publisher.publish(List.of(event)));
            return;
        }
        log.warning("Could not raise the FALLBACK_TEMPLATE_USED alert of template " + primary.id() + " (tried twice;"
                + " send " + notificationId + " is queued with the fallback and records it)", failure);
    }
}
