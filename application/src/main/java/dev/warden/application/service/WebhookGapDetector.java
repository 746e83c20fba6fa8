package dev.warden.application.service;

import dev.warden.application.port.out.MetaCallFailed;
import dev.warden.application.port.out.MetaWebhookSubscriptions;
import dev.warden.application.port.out.SyncJob;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.application.port.out.WebhookGaps;
import dev.warden.domain.alert.AlertSeverity;
import dev.warden.domain.alert.AlertSubject;
import dev.warden.domain.alert.AlertType;
import dev.warden.domain.alert.Alerting;
import dev.warden.domain.health.MissedWebhooks;
import dev.warden.domain.health.WebhookField;
import dev.warden.domain.shared.DomainEvent;
import dev.warden.domain.shared.DomainEventPublisher;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a reconciliation's missed changes say about a WABA's webhooks. Enough of them raise one
 * HIGH {@code WEBHOOKS_MISSING} alert per WABA, naming what Meta's subscription shows; a complete
 * reconciliation that missed nothing resolves it (ADR 0010): it read every template of the WABA,
 * so every change since the one before had come by webhook.
 */
final class WebhookGapDetector {

    private final WebhookGaps gaps;
    private final MetaWebhookSubscriptions subscriptions;
    private final Alerting alerting;
    private final UnitOfWork unitOfWork;
    private final DomainEventPublisher publisher;
    private final int threshold;

    WebhookGapDetector(WebhookGaps gaps, MetaWebhookSubscriptions subscriptions, Alerting alerting,
                       UnitOfWork unitOfWork, DomainEventPublisher publisher, int threshold) {
        this.gaps = gaps;
        this.subscriptions = subscriptions;
        this.alerting = alerting;
        this.unitOfWork = unitOfWork;
        this.publisher = publisher;
        this.threshold = threshold;
    }

    /** After a run; {@code completed} when it read Meta's whole list. */
    void afterRun(SyncJob job, MissedWebhooks missed, boolean completed, Instant now) {
        AlertSubject subject = AlertSubject.waba(job.wabaId().value());
        if (missed.reaches(threshold)) {
            // Asked outside any transaction: an HTTP call must not hold a connection.
            String diagnosis = diagnose(job, missed);
            Map<String, String> details = new HashMap<>();
            details.put("wabaId", job.wabaId().value());
            details.put("syncJobId", job.id().toString());
            for (WebhookField field : WebhookField.values()) {
                details.put("missed" + field.name().charAt(0) + field.name().substring(1).toLowerCase(),
                        String.valueOf(missed.of(field)));
            }
            List<DomainEvent> events = unitOfWork.inTransaction(() -> {
                gaps.record(job.organizationId(), job.wabaId(), missed, now);
                return List.of(alerting.raise(job.organizationId(), AlertType.WEBHOOKS_MISSING, AlertSeverity.HIGH,
                        subject, "Template webhooks are not arriving for WABA " + job.wabaId() + ": reconciliation "
                                + "found " + missed.total() + " change(s) no webhook reported ("
                                + missed.describe() + "). " + diagnosis, details, now));
            });
            publisher.publish(events);
        } else if (missed.total() > 0) {
            unitOfWork.run(() -> gaps.record(job.organizationId(), job.wabaId(), missed, now));
        } else if (completed) {
            List<DomainEvent> events = unitOfWork.inTransaction(() -> alerting.resolve(job.organizationId(), subject,
                    AlertType.WEBHOOKS_MISSING, now).<List<DomainEvent>>map(List::of).orElse(List.of()));
            publisher.publish(events);
        }
    }

    private String diagnosis(MissedWebhooks missed) {
        return "Warden's app is subscribed to the WABA, so the fields " + missed.describe().replaceAll(" \\(\\d+\\)", "")
                + " are probably not subscribed in the App Dashboard (Webhooks, WhatsApp Business Account), or the "
                + "callback URL does not reach Warden.";
    }

    private String diagnose(SyncJob job, MissedWebhooks missed) {
        try {
            MetaWebhookSubscriptions.Subscribed subscribed = subscriptions.subscribedApps(job.wabaId());
            if (subscribed.apps().isEmpty()) {
                return "No app is subscribed to the WABA: subscribe Warden's app with POST /" + job.wabaId()
                        + "/subscribed_apps.";
            }
            return "Subscribed apps: " + String.join(", ", subscribed.apps()) + ". " + diagnosis(missed);
        } catch (MetaCallFailed e) {
            return "Warden could not check the WABA's subscription (" + e.kind() + ": " + e.getMessage()
                    + "); check GET /" + job.wabaId() + "/subscribed_apps and the App Dashboard's fields.";
        }
    }
}
