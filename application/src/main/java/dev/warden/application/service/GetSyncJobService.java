package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.GetSyncJobUseCase;
import dev.warden.application.port.out.SyncJob;
import dev.warden.application.port.out.SyncJobs;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.shared.NotFound;
import dev.warden.domain.shared.OrganizationId;
import java.util.Optional;
import java.util.UUID;

/** Use case implementation: read one reconciliation job of the actor's organisation. */
public final class GetSyncJobService implements GetSyncJobUseCase {

    private final SyncJobs jobs;
    private final UnitOfWork unitOfWork;

    public GetSyncJobService(SyncJobs jobs, UnitOfWork unitOfWork) {
        this.jobs = jobs;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public SyncJob getSyncJob(Actor actor, UUID id) {
        return unitOfWork.inTransaction(() -> {
            OrganizationId scope = Scopes.of(actor, Optional.empty(), () -> jobs.ownerOf(id),
                    () -> new NotFound("sync job", id));
            return jobs.find(scope, id);
        }).orElseThrow(() -> new NotFound("sync job", id));
    }
}
