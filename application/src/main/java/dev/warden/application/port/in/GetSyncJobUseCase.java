package dev.warden.application.port.in;

import dev.warden.application.port.out.SyncJob;
import java.util.UUID;

/** Incoming port: how a reconciliation job stands, while it runs and after. */
public interface GetSyncJobUseCase {

    /** @throws dev.warden.domain.shared.NotFound when no such job exists in the actor's organisation */
    SyncJob getSyncJob(Actor actor, UUID id);
}
