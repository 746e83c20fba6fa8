package dev.warden.application.service;

import dev.warden.application.port.out.MetaCallFailed;
import dev.warden.application.port.out.MetaTemplateCatalog;
import dev.warden.application.port.out.MetaTemplatePage;
import dev.warden.application.port.out.MetaTemplateView;
import dev.warden.application.port.out.ServerLog;
import dev.warden.application.port.out.SyncJob;
import dev.warden.application.port.out.SyncJobs;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.alert.AlertSeverity;
import dev.warden.domain.alert.AlertSubject;
import dev.warden.domain.alert.AlertType;
import dev.warden.domain.alert.Alerting;
import dev.warden.domain.governance.GovernanceResult;
import dev.warden.domain.governance.TemplateMention;
import dev.warden.domain.health.MissedWebhooks;
import dev.warden.domain.shared.ConcurrentModification;
import dev.warden.domain.shared.DomainEvent;
import dev.warden.domain.shared.DomainEventPublisher;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.shared.PageRequest;
import dev.warden.domain.template.ChangeOutcome;
import dev.warden.domain.template.MetaTemplateId;
import dev.warden.domain.template.ReportedChange;
import dev.warden.domain.template.TemplateFilter;
import dev.warden.domain.template.TemplateKey;
import dev.warden.domain.template.TemplateRepository;
import dev.warden.domain.template.TemplateSnapshot;
import dev.warden.domain.template.TemplateStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * One run of a reconciliation job: Meta's templates of a WABA, page by page, compared with
 * Warden's; each difference governed through {@link GovernancePorts#governBatch}, the path webhooks
 * take, in one transaction per page together with the job's progress. Only the page at hand and
 * the Meta ids seen so far are held, never the WABA's templates. Templates Warden synced that Meta
 * no longer lists become DELETED, and only after Meta's list was read to its end.
 */
final class Reconciliation {

    /** Attempts of a page whose templates another writer changed meanwhile; each retry reads them afresh. */
    static final int ATTEMPTS = 3;
    /** The kind of a failure inside Warden, beside {@link MetaCallFailed.Kind}'s failures of Meta's. */
    static final String INTERNAL_ERROR = "INTERNAL_ERROR";
    private static final int LOCAL_PAGE = 100;

    private final MetaTemplateCatalog catalog;
    private final SyncJobs jobs;
    private final GovernancePorts governance;
    private final TemplateRepository templates;
    private final UnitOfWork unitOfWork;
    private final DomainEventPublisher publisher;
    private final int callsPerHour;
    private final Clock clock;
    private final SubmittedDrafts drafts;
    private final WebhookGapDetector gaps;
    private final TemplateLimitWatch limit;
    private final ServerLog log;

    Reconciliation(ReconciliationPorts ports, WebhookGapDetector gaps, TemplateLimitWatch limit) {
        this.catalog = ports.catalog();
        this.jobs = ports.jobs();
        this.governance = ports.governance();
        this.templates = governance.templates();
        this.unitOfWork = ports.unitOfWork();
        this.publisher = ports.publisher();
        this.callsPerHour = ports.callsPerHour();
        this.clock = ports.clock();
        this.drafts = new SubmittedDrafts(templates, governance.history(), unitOfWork, clock);
        this.gaps = gaps;
        this.limit = limit;
        this.log = ports.log();
    }

    /** Runs a job stored as RUNNING to its end; never throws, the job says how it ended. */
    void run(SyncJob job) {
        MissedWebhooks missed = new MissedWebhooks();
        try {
            Set<MetaTemplateId> seen = new HashSet<>();
            Set<String> cursors = new HashSet<>();
            MissedWebhooks pageMissed = new MissedWebhooks();
            String after = null;
            boolean hasDrafts = drafts.any(job.organizationId(), job.wabaId());
            do {
                requireBudget(job, 1);
                MetaTemplatePage page = catalog.page(job.wabaId(), after);
                if (hasDrafts) {
                    drafts.match(job.organizationId(), job.wabaId(), page.templates());
                }
                Instant seenAt = clock.instant();
                inPageTransaction(job, page.templates().stream().map(MetaTemplateView::id).toList(), 1, 1,
                        page.templates().size(), seenAt, (governor, events) -> {
                            // A retried page counts afresh: only what its committed attempt applied was missed.
                            pageMissed.clear();
                            return applyPage(job, page.templates(), governor, events, seenAt, pageMissed);
                        });
                missed.addAll(pageMissed);
                if (after == null) {
                    // The summary counts the whole WABA: the first page's is enough.
                    limit.check(job, page, clock.instant());
                }
                page.templates().forEach(t -> seen.add(t.id()));
                after = page.next().orElse(null);
                if (after != null && !cursors.add(after)) {
                    throw new MetaCallFailed(MetaCallFailed.Kind.MALFORMED_RESPONSE,
                            "Meta gave the cursor '" + after + "' twice: its list does not end");
                }
            } while (after != null);
            markDeleted(job, seen);
            // Before the job says COMPLETED: whoever watches the job then finds its gap alert too.
            gaps.afterRun(job, missed, true, clock.instant());
            finish(job, SyncJob.Status.COMPLETED, List.of());
        } catch (JobNoLongerRunning e) {
            // Failed as abandoned by another instance, whose job may now hold the WABA: this run stops, and
            // the page it was applying was rolled back with the progress that could not be recorded.
            log.warning("Reconciliation " + job.id() + " of WABA " + job.wabaId()
                    + " stopped: the job no longer runs (failed as abandoned by another instance)");
            gaps.afterRun(job, missed, false, clock.instant());
        } catch (MetaCallFailed e) {
            log.warning("Reconciliation " + job.id() + " of WABA " + job.wabaId() + " failed: " + e.kind() + ": "
                    + e.getMessage());
            if (e.kind() == MetaCallFailed.Kind.ACCESS_DENIED) {
                alertAccessDenied(job, e);
            }
            finish(job, SyncJob.Status.FAILED, List.of(e.kind() + ": " + e.getMessage()));
            gaps.afterRun(job, missed, false, clock.instant());
        } catch (RuntimeException e) {
            // Its text may quote SQL or Warden's internals: the viewer sees a reference, the log the rest.
            String reference = UUID.randomUUID().toString();
            log.internalError(reference, "Reconciliation " + job.id() + " of WABA " + job.wabaId() + " failed", e);
            finish(job, SyncJob.Status.FAILED, List.of(INTERNAL_ERROR + ": Warden stopped on an internal error"
                    + " (reference " + reference + "); the server log has the details under that reference"));
        }
    }

    private int applyPage(SyncJob job, List<MetaTemplateView> page, BatchGovernor governor, List<DomainEvent> events,
                          Instant seenAt, MissedWebhooks missed) {
        OrganizationId organization = job.organizationId();
        int applied = 0;
        for (MetaTemplateView meta : page) {
            TemplateKey key = new TemplateKey(job.wabaId(), meta.id());
            TemplateMention mention = new TemplateMention(key, meta.name(), meta.language(), meta.category());
            Optional<TemplateSnapshot> local = governor.current(organization, key);
            for (ReportedChange change : CatalogDiff.changes(local, meta, seenAt)) {
                int one = count(governor.govern(organization, mention, change, seenAt), events);
                if (one == 1 && local.isPresent()) {
                    CatalogDiff.field(change).ifPresent(missed::count);
                }
                applied += one;
            }
        }
        return applied;
    }

    /**
     * Warden's synced templates of the WABA that Meta did not list: DELETED. A template Warden
     * learnt of after the job started may be newer than Meta's list, so it is left alone.
     */
    private void markDeleted(SyncJob job, Set<MetaTemplateId> seen) {
        TemplateFilter filter = new TemplateFilter(Optional.of(job.organizationId()), Optional.of(job.wabaId()),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        for (int number = 0; ; number++) {
            PageRequest request = new PageRequest(number, LOCAL_PAGE);
            List<TemplateSnapshot> local = unitOfWork.inTransaction(() -> templates.list(filter, request)).items();
            if (local.isEmpty()) {
                return;
            }
            List<TemplateKey> unlisted = local.stream()
                    .filter(t -> t.metaTemplateId().isPresent() && !seen.contains(t.metaTemplateId().get()))
                    .filter(t -> t.status() != TemplateStatus.DELETED && t.createdAt().isBefore(job.startedAt()))
                    .map(t -> new TemplateKey(t.wabaId(), t.metaTemplateId().get()))
                    .toList();
            if (!unlisted.isEmpty()) {
                // Each lookup is a Graph call: all of them fit in the budget, or none is made.
                requireBudget(job, unlisted.size());
                // A cursor walk can skip a template Meta reordered mid-way: only Meta's "no such
                // template", asked by id, makes it DELETED (a failed call fails the job, deleting nothing).
                List<TemplateKey> gone = unlisted.stream()
                        .filter(key -> catalog.template(job.wabaId(), key.metaTemplateId()).isEmpty())
                        .toList();
                Instant seenAt = clock.instant();
                inPageTransaction(job, gone.stream().map(TemplateKey::metaTemplateId).toList(), 0, unlisted.size(), 0,
                        seenAt,
                        (governor, events) -> {
                            int applied = 0;
                            for (TemplateKey key : gone) {
                                // Read again under the lock: a webhook may have deleted it meanwhile.
                                Optional<TemplateSnapshot> now = governor.current(job.organizationId(), key);
                                if (now.isPresent() && now.get().status() != TemplateStatus.DELETED) {
                                    applied += count(governor.govern(job.organizationId(),
                                            new TemplateMention(key, null, null, null), CatalogDiff.deleted(seenAt),
                                            seenAt), events);
                                }
                            }
                            return applied;
                        });
            }
        }
    }

    /**
     * Governs one page's templates and records the job's progress in one transaction, so the counts
     * never disagree with what was applied; retried on fresh state when a webhook worker changed one
     * of the templates first.
     */
    private void inPageTransaction(SyncJob job, List<MetaTemplateId> ids, int pages, int calls, int seen, Instant at,
                                   BiFunction<BatchGovernor, List<DomainEvent>, Integer> work) {
        Map<OrganizationId, List<TemplateKey>> keys = Map.of(job.organizationId(),
                ids.stream().map(id -> new TemplateKey(job.wabaId(), id)).distinct().toList());
        for (int attempt = 1; ; attempt++) {
            try {
                List<DomainEvent> events = new ArrayList<>();
                unitOfWork.run(() -> {
                    events.clear();
                    int applied = ids.isEmpty() ? 0
                            : governance.governBatch(keys, governor -> work.apply(governor, events));
                    if (!jobs.progress(job.id(), pages, calls, seen, applied, at)) {
                        throw new JobNoLongerRunning();
                    }
                });
                publisher.publish(events);
                return;
            } catch (ConcurrentModification e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private static int count(GovernanceResult result, List<DomainEvent> events) {
        events.addAll(result.events());
        return result.result() == ChangeOutcome.Result.APPLIED ? 1 : 0;
    }

    /** Refuses {@code calls} more Graph calls when they would take the WABA past its hourly budget. */
    private void requireBudget(SyncJob job, int calls) {
        Instant now = clock.instant();
        long spent = unitOfWork.inTransaction(() -> jobs.graphCallsSince(job.wabaId(), now.minus(Duration.ofHours(1))));
        if (spent + calls > callsPerHour) {
            throw new MetaCallFailed(MetaCallFailed.Kind.RATE_LIMITED, "Warden's budget of " + callsPerHour
                    + " Graph API calls per hour for WABA " + job.wabaId() + " is spent (" + spent + " made, "
                    + calls + " needed); the next run goes on");
        }
    }

    private void alertAccessDenied(SyncJob job, MetaCallFailed e) {
        Alerting alerting = governance.alerting();
        List<DomainEvent> events = unitOfWork.inTransaction(() -> List.of(alerting.raise(job.organizationId(),
                AlertType.META_ACCESS_DENIED, AlertSeverity.CRITICAL, AlertSubject.waba(job.wabaId().value()),
                "Meta refused Warden's access token for WABA " + job.wabaId() + ": " + e.getMessage()
                        + ". Warden stops calling Meta for it until the token (WARDEN_META_ACCESS_TOKEN) changes.",
                Map.of("wabaId", job.wabaId().value()), clock.instant())));
        publisher.publish(events);
    }

    private void finish(SyncJob job, SyncJob.Status status, List<String> errors) {
        Instant now = clock.instant();
        List<DomainEvent> events = unitOfWork.inTransaction(() -> {
            jobs.finish(job.id(), status, errors, now);
            if (status == SyncJob.Status.COMPLETED) {
                // The token works (again): the access alert of the WABA, if any, is over.
                return governance.alerting().resolve(job.organizationId(), AlertSubject.waba(job.wabaId().value()),
                        AlertType.META_ACCESS_DENIED, now).<List<DomainEvent>>map(List::of).orElse(List.of());
            }
            return List.<DomainEvent>of();
        });
        publisher.publish(events);
    }

    /** The job's row is no longer RUNNING: rolls back the page being applied and ends the run. */
    private static final class JobNoLongerRunning extends RuntimeException {

        private static final long serialVersionUID = 1L;

        JobNoLongerRunning() {
            super(null, null, false, false);
        }
    }
}
