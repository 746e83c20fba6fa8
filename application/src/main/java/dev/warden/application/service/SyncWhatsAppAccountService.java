package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.MetaAccessNotConfigured;
import dev.warden.application.port.in.SyncWhatsAppAccountUseCase;
import dev.warden.application.port.out.MetaTemplateCatalog;
import dev.warden.application.port.out.SyncJob;
import dev.warden.application.port.out.SyncJobs;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.audit.AuditAction;
import dev.warden.domain.audit.AuditResource;
import dev.warden.domain.audit.AuditTrail;
import dev.warden.domain.organization.WabaId;
import dev.warden.domain.organization.WhatsAppAccount;
import dev.warden.domain.organization.WhatsAppAccountRepository;
import dev.warden.domain.shared.NotFound;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * Use case implementation: reconcile one WABA now. The job is stored before this returns, and runs
 * on the executor, so its progress can be watched from the first page on.
 */
public final class SyncWhatsAppAccountService implements SyncWhatsAppAccountUseCase {

    private final WhatsAppAccountRepository accounts;
    private final MetaTemplateCatalog catalog;
    private final SyncJobs jobs;
    private final Reconciliation reconciliation;
    private final UnitOfWork unitOfWork;
    private final Executor executor;
    private final Clock clock;
    private final AdminAudit audit;

    public SyncWhatsAppAccountService(WhatsAppAccountRepository accounts, ReconciliationPorts ports, Executor executor,
                                      AuditTrail audit) {
        this.accounts = accounts;
        this.catalog = ports.catalog();
        this.jobs = ports.jobs();
        this.reconciliation = ports.reconciliation();
        this.unitOfWork = ports.unitOfWork();
        this.executor = executor;
        this.clock = ports.clock();
        this.audit = new AdminAudit(audit, clock);
    }

    @Override
    public SyncJob startSync(Actor actor, WabaId wabaId) {
        WhatsAppAccount account = unitOfWork.inTransaction(() -> accounts.findByWabaId(wabaId))
                .filter(a -> actor.isSuperAdmin() || actor.organizationId().filter(a.organizationId()::equals).isPresent())
                .orElseThrow(() -> new NotFound("WhatsApp Business Account", wabaId));
        actor.requireWrite(account.organizationId());
        if (!catalog.configured()) {
            throw new MetaAccessNotConfigured();
        }
        SyncJob job = SyncJob.starting(account.organizationId(), wabaId, Optional.of(actor.username()), clock.instant());
        boolean started = unitOfWork.inTransaction(() -> {
            jobs.abandonStale(clock.instant().minus(ReconciliationPorts.STALE_AFTER), clock.instant());
            if (!jobs.start(job)) {
                return false;
            }
            audit.record(actor, account.organizationId(), AuditAction.WHATSAPP_ACCOUNT_SYNC_REQUESTED,
                    AuditResource.of(AuditResource.Kind.WHATSAPP_ACCOUNT, wabaId.value()), Map.of(),
                    Map.of("syncJob", job.id().toString()));
            return true;
        });
        if (!started) {
            return unitOfWork.inTransaction(() -> jobs.running(wabaId)).orElseThrow(
                    () -> new IllegalStateException("a sync of WABA " + wabaId + " was running and is gone; ask again"));
        }
        executor.execute(() -> reconciliation.run(job));
        return job;
    }
}
