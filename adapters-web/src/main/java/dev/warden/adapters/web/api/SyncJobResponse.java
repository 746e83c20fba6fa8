package dev.warden.adapters.web.api;

import dev.warden.application.port.out.SyncJob;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/** A reconciliation job with Meta, as it stands: its progress is current while it runs. */
@Serdeable
record SyncJobResponse(String id, String organizationId, String wabaId, String status, String requestedBy,
                       int pagesFetched, int templatesSeen, int changesApplied, List<String> errors,
                       Instant startedAt, Instant finishedAt) {

    static SyncJobResponse from(SyncJob job) {
        return new SyncJobResponse(job.id().toString(), job.organizationId().toString(), job.wabaId().value(),
                job.status().name(), job.requestedBy().orElse(null), job.pagesFetched(), job.templatesSeen(),
                job.changesApplied(), job.errors(), job.startedAt(), job.finishedAt().orElse(null));
    }
}
