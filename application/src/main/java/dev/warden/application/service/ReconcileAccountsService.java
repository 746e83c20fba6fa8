package dev.warden.application.service;

import dev.warden.application.port.in.ReconcileAccountsUseCase;
import dev.warden.application.port.out.SyncJob;
import dev.warden.application.port.out.SyncJobs;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.organization.Organization;
import dev.warden.domain.organization.OrganizationRepository;
import dev.warden.domain.organization.WhatsAppAccount;
import dev.warden.domain.organization.WhatsAppAccountRepository;
import dev.warden.domain.shared.Page;
import dev.warden.domain.shared.PageRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Use case implementation: the scheduled reconciliation. Every instance runs the schedule; the
 * job table decides who works: a WABA reconciled within half the interval is skipped, and only
 * one job per WABA can be RUNNING at a time ({@link SyncJobs#start}), so two instances ticking
 * together reconcile each WABA once.
 */
public final class ReconcileAccountsService implements ReconcileAccountsUseCase {

    private final OrganizationRepository organizations;
    private final WhatsAppAccountRepository accounts;
    private final ReconciliationPorts ports;
    private final Reconciliation reconciliation;
    private final Duration interval;

    public ReconcileAccountsService(OrganizationRepository organizations, WhatsAppAccountRepository accounts,
                                    ReconciliationPorts ports, Duration interval) {
        this.organizations = organizations;
        this.accounts = accounts;
        this.ports = ports;
        this.reconciliation = ports.reconciliation();
        this.interval = interval;
    }

    @Override
    public int reconcileDue() {
        if (!ports.catalog().configured()) {
            return 0;
        }
        UnitOfWork unitOfWork = ports.unitOfWork();
        SyncJobs jobs = ports.jobs();
        Clock clock = ports.clock();
        unitOfWork.run(() -> jobs.abandonStale(clock.instant().minus(ReconciliationPorts.STALE_AFTER), clock.instant()));
        int reconciled = 0;
        for (Organization organization : everyPage(unitOfWork, organizations::findAll)) {
            for (WhatsAppAccount account : everyPage(unitOfWork,
                    page -> accounts.findByOrganization(organization.id(), page))) {
                Instant now = clock.instant();
                SyncJob job = SyncJob.starting(account.organizationId(), account.wabaId(), Optional.empty(), now);
                boolean started = unitOfWork.inTransaction(() -> {
                    Optional<Instant> last = jobs.lastStarted(account.wabaId());
                    return (last.isEmpty() || last.get().isBefore(now.minus(interval.dividedBy(2)))) && jobs.start(job);
                });
                if (started) {
                    reconciliation.run(job);
                    reconciled++;
                }
            }
        }
        return reconciled;
    }

    /** Every item of a paged list, a page per transaction (organisations and their WABAs are few). */
    private static <T> List<T> everyPage(UnitOfWork unitOfWork, Function<PageRequest, Page<T>> read) {
        List<T> all = new ArrayList<>();
        for (int number = 0; ; number++) {
            PageRequest request = new PageRequest(number, PageRequest.MAX_SIZE);
            Page<T> page = unitOfWork.inTransaction(() -> read.apply(request));
            all.addAll(page.items());
            if (page.items().size() < PageRequest.MAX_SIZE) {
                return all;
            }
        }
    }
}
