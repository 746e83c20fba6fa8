package dev.warden.bootstrap.wiring;

import dev.warden.adapters.meta.graph.GraphHttp;
import dev.warden.adapters.meta.graph.GraphSettings;
import dev.warden.adapters.meta.graph.GraphTemplateCatalog;
import dev.warden.application.port.in.GetSyncJobUseCase;
import dev.warden.application.port.in.GetWebhookHealthUseCase;
import dev.warden.application.port.in.ReconcileAccountsUseCase;
import dev.warden.application.port.in.SyncWhatsAppAccountUseCase;
import dev.warden.application.port.out.MetaCallMetrics;
import dev.warden.application.port.out.MetaTemplateCatalog;
import dev.warden.application.port.out.MetaWebhookSubscriptions;
import dev.warden.application.port.out.ServerLog;
import dev.warden.application.port.out.SyncJobs;
import dev.warden.application.port.out.TemplateCounts;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.application.port.out.WebhookGaps;
import dev.warden.application.service.GetSyncJobService;
import dev.warden.application.service.GetWebhookHealthService;
import dev.warden.application.service.GovernancePorts;
import dev.warden.application.service.ReconcileAccountsService;
import dev.warden.application.service.ReconciliationPorts;
import dev.warden.application.service.SyncWhatsAppAccountService;
import dev.warden.domain.alert.AlertRepository;
import dev.warden.domain.audit.AuditTrail;
import dev.warden.domain.organization.OrganizationRepository;
import dev.warden.domain.organization.WhatsAppAccountRepository;
import dev.warden.domain.shared.DomainEventPublisher;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.value.PropertyResolver;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;

/** Creates the Graph API client and the reconciliation use cases (ADR 0010). */
@Factory
class ReconcileFactory {

    @Singleton
    GraphSettings graphSettings(PropertyResolver properties) {
        return MetaSettings.graph(properties);
    }

    /** One client for reads and writes, so a token Meta refused stops both. */
    @Singleton
    GraphHttp graphHttp(GraphSettings settings, MetaCallMetrics metrics) {
        return new GraphHttp(settings, metrics);
    }

    /** The one Graph reader, seen as each of the narrow ports it implements. */
    @Singleton
    GraphTemplateCatalog metaTemplateCatalog(GraphHttp http) {
        return new GraphTemplateCatalog(http);
    }

    @Singleton
    ReconciliationPorts reconciliationPorts(MetaTemplateCatalog catalog, SyncJobs jobs, GovernancePorts governance,
                                            UnitOfWork unitOfWork, DomainEventPublisher publisher,
                                            @Value("${warden.reconcile.calls-per-hour:200}") int callsPerHour,
                                            Clock clock, WebhookGaps gaps, MetaWebhookSubscriptions subscriptions,
                                            @Value("${warden.reconcile.gap-threshold:1}") int gapThreshold,
                                            TemplateCounts counts,
                                            @Value("${warden.reconcile.template-limit-warning:90}") int limitWarnPercent,
                                            ServerLog log) {
        return new ReconciliationPorts(catalog, jobs, governance, unitOfWork, publisher, callsPerHour, clock, gaps,
                subscriptions, gapThreshold, counts, limitWarnPercent, log);
    }

    @Singleton
    GetWebhookHealthUseCase getWebhookHealth(WhatsAppAccountRepository accounts, SyncJobs jobs, WebhookGaps gaps,
                                             TemplateCounts counts, AlertRepository alerts, UnitOfWork unitOfWork,
                                             @Value("${warden.reconcile.template-limit-warning:90}")
                                             int limitWarnPercent) {
        return new GetWebhookHealthService(accounts, jobs, gaps, counts, alerts, unitOfWork, limitWarnPercent);
    }

    @Singleton
    SyncWhatsAppAccountUseCase syncWhatsAppAccount(WhatsAppAccountRepository accounts, ReconciliationPorts ports,
                                                   @Named(TaskExecutors.IO) ExecutorService executor,
                                                   AuditTrail audit) {
        return new SyncWhatsAppAccountService(accounts, ports, executor, audit);
    }

    @Singleton
    ReconcileAccountsUseCase reconcileAccounts(OrganizationRepository organizations,
                                               WhatsAppAccountRepository accounts, ReconciliationPorts ports,
                                               @Value("${warden.reconcile.interval:6h}") Duration interval) {
        return new ReconcileAccountsService(organizations, accounts, ports, interval);
    }

    @Singleton
    GetSyncJobUseCase getSyncJob(SyncJobs jobs, UnitOfWork unitOfWork) {
        return new GetSyncJobService(jobs, unitOfWork);
    }
}
