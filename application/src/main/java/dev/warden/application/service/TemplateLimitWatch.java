package dev.warden.application.service;

import dev.warden.application.port.out.MetaTemplatePage;
import dev.warden.application.port.out.SyncJob;
import dev.warden.application.port.out.TemplateCounts;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.alert.AlertSubject;
import dev.warden.domain.alert.AlertType;
import dev.warden.domain.alert.Alerting;
import dev.warden.domain.health.TemplateLimit;
import dev.warden.domain.shared.DomainEvent;
import dev.warden.domain.shared.DomainEventPublisher;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The template limit alert from the summary of Meta's list: one {@code TEMPLATE_LIMIT_NEAR} alert
 * per WABA, HIGH from the warning share of the limit, CRITICAL at it, resolved once below. The count
 * and limit are kept too, so they can be shown while the WABA is far from the limit.
 */
final class TemplateLimitWatch {

    private final Alerting alerting;
    private final UnitOfWork unitOfWork;
    private final DomainEventPublisher publisher;
    private final TemplateCounts counts;
    private final int warnPercent;

    TemplateLimitWatch(Alerting alerting, UnitOfWork unitOfWork, DomainEventPublisher publisher, TemplateCounts counts,
                       int warnPercent) {
        this.alerting = alerting;
        this.unitOfWork = unitOfWork;
        this.publisher = publisher;
        this.counts = counts;
        this.warnPercent = warnPercent;
    }

    /** Judges the summary of a page of Meta's list; a page without one says nothing. */
    void check(SyncJob job, MetaTemplatePage page, Instant now) {
        if (page.templateCount().isEmpty() || page.templateLimit().isEmpty()) {
            return;
        }
        TemplateLimit limit = new TemplateLimit(page.templateCount().getAsLong(), page.templateLimit().getAsLong());
        AlertSubject subject = AlertSubject.waba(job.wabaId().value());
        List<DomainEvent> events = unitOfWork.inTransaction(() -> {
            counts.record(job.organizationId(), job.wabaId(), limit, now);
            return limit.severity(warnPercent)
                    .<List<DomainEvent>>map(severity -> List.of(alerting.reassess(job.organizationId(),
                            AlertType.TEMPLATE_LIMIT_NEAR, severity, subject, "WABA " + job.wabaId() + " has "
                                    + limit.count() + " of the " + limit.limit() + " message templates Meta allows it ("
                                    + limit.percent() + " %). At the limit Meta refuses new templates (LIMIT_EXCEEDED): "
                                    + "delete or archive templates no longer sent.",
                            Map.of("wabaId", job.wabaId().value(), "templateCount", String.valueOf(limit.count()),
                                    "templateLimit", String.valueOf(limit.limit())), now)))
                    .orElseGet(() -> alerting.resolve(job.organizationId(), subject, AlertType.TEMPLATE_LIMIT_NEAR, now)
                            .<List<DomainEvent>>map(List::of).orElse(List.of()));
        });
        publisher.publish(events);
    }
}
