package dev.warden.application.service;

import dev.warden.application.port.out.MetaTemplateCatalog;
import dev.warden.application.port.out.MetaWebhookSubscriptions;
import dev.warden.application.port.out.ServerLog;
import dev.warden.application.port.out.SyncJobs;
import dev.warden.application.port.out.TemplateCounts;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.application.port.out.WebhookGaps;
import dev.warden.domain.shared.DomainEventPublisher;
import java.time.Clock;
import java.time.Duration;

/**
 * What reconciliation needs, built once and shared by the scheduled and the requested runs.
 *
 * @param callsPerHour Graph API calls Warden makes per WABA and hour at most (Meta allows 200 by default)
 * @param gapThreshold changes no webhook reported, found in one reconciliation, that raise WEBHOOKS_MISSING
 * @param counts where the template count and limit of Meta's list summary are kept
 * @param limitWarnPercent share of Meta's template limit, in percent, from which TEMPLATE_LIMIT_NEAR is raised
 * @param log where a run's failures are written in full (the job shows users a sentence)
 */
public record ReconciliationPorts(MetaTemplateCatalog catalog, SyncJobs jobs, GovernancePorts governance,
                                  UnitOfWork unitOfWork, DomainEventPublisher publisher, int callsPerHour,
                                  Clock clock, WebhookGaps gaps, MetaWebhookSubscriptions subscriptions,
                                  int gapThreshold, TemplateCounts counts, int limitWarnPercent,
                                  ServerLog log) {

    /**
     * A RUNNING job without progress for this long died with its instance (a page takes seconds,
     * bounded by the Graph client's timeouts and retries), and no longer blocks its WABA.
     */
    static final Duration STALE_AFTER = Duration.ofMinutes(15);

    Reconciliation reconciliation() {
        return new Reconciliation(this, new WebhookGapDetector(gaps, subscriptions, governance.alerting(), unitOfWork,
                publisher, gapThreshold), new TemplateLimitWatch(governance.alerting(), unitOfWork, publisher,
                counts, limitWarnPercent));
    }
}
