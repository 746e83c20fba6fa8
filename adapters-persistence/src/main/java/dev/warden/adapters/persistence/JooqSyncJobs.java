package dev.warden.adapters.persistence;

import static dev.warden.adapters.persistence.jooq.Tables.SYNC_JOBS;

import dev.warden.adapters.persistence.jooq.tables.records.SyncJobsRecord;
import dev.warden.application.port.out.SyncJob;
import dev.warden.application.port.out.SyncJobs;
import dev.warden.domain.organization.WabaId;
import dev.warden.domain.shared.OrganizationId;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Persistence adapter: reconciliation jobs; the partial unique index on RUNNING jobs is the cluster lock per WABA. */
@Singleton
public final class JooqSyncJobs implements SyncJobs {

    /** Errors kept per job: a job fails on its first error, so more than a few is a defect, not news. */
    private static final int MAX_ERRORS = 20;
    private static final int MAX_ERROR_LENGTH = 2000;

    private final DSLContext dsl;

    public JooqSyncJobs(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public boolean start(SyncJob job) {
        // ON CONFLICT keeps the caller's transaction usable when another instance holds the WABA.
        return dsl.insertInto(SYNC_JOBS)
                .set(SYNC_JOBS.ORGANIZATION_ID, job.organizationId().value())
                .set(SYNC_JOBS.ID, job.id())
                .set(SYNC_JOBS.WABA_ID, job.wabaId().value())
                .set(SYNC_JOBS.REQUESTED_BY, job.requestedBy().orElse(null))
                .set(SYNC_JOBS.STATUS, job.status().name())
                .set(SYNC_JOBS.STARTED_AT, Times.toDb(job.startedAt()))
                .set(SYNC_JOBS.HEARTBEAT_AT, Times.toDb(job.heartbeatAt()))
                .onConflictDoNothing()
                .execute() == 1;
    }

    @Override
    public Optional<SyncJob> running(WabaId wabaId) {
        return dsl.selectFrom(SYNC_JOBS)
                .where(SYNC_JOBS.WABA_ID.eq(wabaId.value()), SYNC_JOBS.STATUS.eq(SyncJob.Status.RUNNING.name()))
                .fetchOptional(JooqSyncJobs::toJob);
    }

    @Override
    public Optional<Instant> lastStarted(WabaId wabaId) {
        return Optional.ofNullable(dsl.select(DSL.max(SYNC_JOBS.STARTED_AT)).from(SYNC_JOBS)
                .where(SYNC_JOBS.WABA_ID.eq(wabaId.value())).fetchOne(0, java.time.OffsetDateTime.class))
                .map(Times::fromDb);
    }

    @Override
    public long graphCallsSince(WabaId wabaId, Instant since) {
        Number pages = dsl.select(DSL.sum(SYNC_JOBS.GRAPH_CALLS)).from(SYNC_JOBS)
                .where(SYNC_JOBS.WABA_ID.eq(wabaId.value()), SYNC_JOBS.HEARTBEAT_AT.ge(Times.toDb(since)))
                .fetchOne(0, Number.class);
        return pages == null ? 0 : pages.longValue();
    }

    @Override
    public boolean progress(UUID id, int pages, int graphCalls, int templatesSeen, int changesApplied, Instant at) {
        return dsl.update(SYNC_JOBS)
                .set(SYNC_JOBS.PAGES_FETCHED, SYNC_JOBS.PAGES_FETCHED.plus(pages))
                .set(SYNC_JOBS.GRAPH_CALLS, SYNC_JOBS.GRAPH_CALLS.plus(graphCalls))
                .set(SYNC_JOBS.TEMPLATES_SEEN, SYNC_JOBS.TEMPLATES_SEEN.plus(templatesSeen))
                .set(SYNC_JOBS.CHANGES_APPLIED, SYNC_JOBS.CHANGES_APPLIED.plus(changesApplied))
                .set(SYNC_JOBS.HEARTBEAT_AT, Times.toDb(at))
                .where(SYNC_JOBS.ID.eq(id), SYNC_JOBS.STATUS.eq(SyncJob.Status.RUNNING.name()))
                .execute() == 1;
    }

    @Override
    public void finish(UUID id, SyncJob.Status status, List<String> errors, Instant at) {
        String[] bounded = errors.stream().limit(MAX_ERRORS)
                .map(e -> e.length() > MAX_ERROR_LENGTH ? e.substring(0, MAX_ERROR_LENGTH) + "…" : e)
                // PostgreSQL text refuses NUL; an error quoting Meta's bytes may hold one.
                .map(e -> e.replace('\u0000', '?'))
                .toArray(String[]::new);
        dsl.update(SYNC_JOBS)
                .set(SYNC_JOBS.STATUS, status.name())
                .set(SYNC_JOBS.ERRORS, DSL.field("{0} || {1}", String[].class, SYNC_JOBS.ERRORS, DSL.val(bounded)))
                .set(SYNC_JOBS.HEARTBEAT_AT, Times.toDb(at))
                .set(SYNC_JOBS.FINISHED_AT, Times.toDb(at))
                .where(SYNC_JOBS.ID.eq(id), SYNC_JOBS.STATUS.eq(SyncJob.Status.RUNNING.name()))
                .execute();
    }

    @Override
    public int abandonStale(Instant heartbeatBefore, Instant now) {
        return dsl.update(SYNC_JOBS)
                .set(SYNC_JOBS.STATUS, SyncJob.Status.FAILED.name())
                .set(SYNC_JOBS.ERRORS, DSL.field("{0} || {1}", String[].class, SYNC_JOBS.ERRORS,
                        DSL.val(new String[] {"abandoned: no progress since " + heartbeatBefore
                                + " (the instance running it stopped)"})))
                .set(SYNC_JOBS.FINISHED_AT, Times.toDb(now))
                .where(SYNC_JOBS.STATUS.eq(SyncJob.Status.RUNNING.name()),
                        SYNC_JOBS.HEARTBEAT_AT.lt(Times.toDb(heartbeatBefore)))
                .execute();
    }

    @Override
    public Optional<SyncJob> find(OrganizationId organizationId, UUID id) {
        return dsl.selectFrom(SYNC_JOBS)
                .where(SYNC_JOBS.ORGANIZATION_ID.eq(organizationId.value()), SYNC_JOBS.ID.eq(id))
                .fetchOptional(JooqSyncJobs::toJob);
    }

    @Override
    public Optional<SyncJob> latest(OrganizationId organizationId, WabaId wabaId) {
        return dsl.selectFrom(SYNC_JOBS)
                .where(SYNC_JOBS.ORGANIZATION_ID.eq(organizationId.value()), SYNC_JOBS.WABA_ID.eq(wabaId.value()))
                .orderBy(SYNC_JOBS.STARTED_AT.desc(), SYNC_JOBS.ID.desc()).limit(1)
                .fetchOptional(JooqSyncJobs::toJob);
    }

    @Override
    public Optional<OrganizationId> ownerOf(UUID id) {
        return dsl.select(SYNC_JOBS.ORGANIZATION_ID).from(SYNC_JOBS).where(SYNC_JOBS.ID.eq(id))
                .fetchOptional(r -> new OrganizationId(r.value1()));
    }

    private static SyncJob toJob(SyncJobsRecord r) {
        return new SyncJob(r.getId(), new OrganizationId(r.getOrganizationId()), new WabaId(r.getWabaId()),
                Optional.ofNullable(r.getRequestedBy()), SyncJob.Status.valueOf(r.getStatus()), r.getPagesFetched(),
                r.getTemplatesSeen(), r.getChangesApplied(), Arrays.asList(r.getErrors()),
                Times.fromDb(r.getStartedAt()), Times.fromDb(r.getHeartbeatAt()),
                Optional.ofNullable(Times.fromDb(r.getFinishedAt())));
    }
}
