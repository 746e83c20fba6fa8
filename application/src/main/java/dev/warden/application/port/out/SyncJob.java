package dev.warden.application.port.out;

import dev.warden.domain.organization.WabaId;
import dev.warden.domain.shared.OrganizationId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One reconciliation of a WABA with Meta, as it runs and after: its progress is written page by
 * page, so it can be watched while it runs.
 *
 * @param requestedBy the user who asked for it; empty for a scheduled run
 * @param heartbeatAt the last time the run made progress: a RUNNING job whose heartbeat is old died with its instance
 */
public record SyncJob(UUID id, OrganizationId organizationId, WabaId wabaId, Optional<String> requestedBy,
                      Status status, int pagesFetched, int templatesSeen, int changesApplied, List<String> errors,
                      Instant startedAt, Instant heartbeatAt, Optional<Instant> finishedAt) {

    public enum Status { RUNNING, COMPLETED, FAILED }

    public SyncJob {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(wabaId, "wabaId");
        Objects.requireNonNull(requestedBy, "requestedBy");
        Objects.requireNonNull(status, "status");
        errors = List.copyOf(errors);
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(heartbeatAt, "heartbeatAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
    }

    /** A job about to start. */
    public static SyncJob starting(OrganizationId organizationId, WabaId wabaId, Optional<String> requestedBy,
                                   Instant now) {
        return new SyncJob(UUID.randomUUID(), organizationId, wabaId, requestedBy, Status.RUNNING, 0, 0, 0, List.of(),
                now, now, Optional.empty());
    }
}
