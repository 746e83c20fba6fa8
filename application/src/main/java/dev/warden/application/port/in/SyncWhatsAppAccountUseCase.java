package dev.warden.application.port.in;

import dev.warden.application.port.out.SyncJob;
import dev.warden.domain.organization.WabaId;

/** Incoming port: reconcile one WABA with Meta now, on a person's request. */
public interface SyncWhatsAppAccountUseCase {

    /**
     * Starts a reconciliation of the WABA and returns its job at once (RUNNING); when one runs
     * already, on this instance or another, that one is returned instead.
     *
     * @throws dev.warden.domain.shared.NotFound when the WABA is not registered to the actor's organisation
     * @throws AccessDenied                      when the actor may not change that organisation
     * @throws MetaAccessNotConfigured           when Warden has no access token for Meta
     */
    SyncJob startSync(Actor actor, WabaId wabaId);
}
