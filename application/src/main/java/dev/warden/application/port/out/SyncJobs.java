package dev.warden.application.port.out;

import dev.warden.domain.organization.WabaId;
import dev.warden.domain.shared.OrganizationId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Outgoing port: reconciliation jobs. At most one job per WABA runs at a time across every instance
 * sharing the database: {@link #start} is where that is decided.
 */
public interface SyncJobs {

    /** Stores the job as RUNNING unless a job of its WABA runs already; true when it was stored. */
    boolean start(SyncJob job);

    /** The job running for the WABA, if any. */
    Optional<SyncJob> running(WabaId wabaId);

    /** When the WABA's latest job started, if it ever had one. */
    Optional<Instant> lastStarted(WabaId wabaId);

    /**
     * Graph API calls the WABA's jobs made since then (list pages and templates asked for by id): what
     * Warden spent of Meta's hourly call limit.
     */
    long graphCallsSince(WabaId wabaId, Instant since);

    /**
     * Adds progress to a job that is still RUNNING and moves its heartbeat on. False when the job no
     * longer runs (another instance failed it as abandoned): nothing was recorded and the run must stop.
     *
     * @param graphCalls Graph API calls made for this progress, counted in the hourly budget
     */
    boolean progress(UUID id, int pages, int graphCalls, int templatesSeen, int changesApplied, Instant at);

    /** Ends a running job; errors are added to those it has. */
    void finish(UUID id, SyncJob.Status status, List<String> errors, Instant at);

    /** Fails the RUNNING jobs that made no progress since {@code heartbeatBefore}: their instance stopped. */
    int abandonStale(Instant heartbeatBefore, Instant now);

    Optional<SyncJob> find(OrganizationId organizationId, UUID id);

    /** The WABA's most recently started job, if it ever had one. */
    Optional<SyncJob> latest(OrganizationId organizationId, WabaId wabaId);

    /** The organisation a job belongs to; for super admins, who name no organisation. */
    Optional<OrganizationId> ownerOf(UUID id);
}
