package dev.warden.adapters.web.api;

import dev.warden.adapters.web.security.Actors;
import dev.warden.application.port.in.GetSyncJobUseCase;
import dev.warden.domain.shared.Ids;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;

/** Web adapter: how a reconciliation job stands, while it runs and after. */
@Controller("/api/v1/sync-jobs")
@ExecuteOn(TaskExecutors.BLOCKING)
class SyncJobController {

    private final GetSyncJobUseCase getSyncJob;

    SyncJobController(GetSyncJobUseCase getSyncJob) {
        this.getSyncJob = getSyncJob;
    }

    @Get("/{id}")
    @Operation(operationId = "getSyncJob")
    @Secured({"SUPER_ADMIN", "ORG_ADMIN", "VIEWER"})
    SyncJobResponse get(@PathVariable String id, Authentication authentication) {
        return SyncJobResponse.from(getSyncJob.getSyncJob(Actors.of(authentication), Ids.parseUuid("id", id)));
    }
}
