package dev.warden.application.port.in;

import dev.warden.domain.organization.WabaId;

/** Incoming port: a person releases the campaigns of a WABA that Warden held for portfolio pacing. */
public interface ReleasePortfolioPacingUseCase {

    /**
     * Lifts the PORTFOLIO_PACING hold from every campaign of the WABA (each runs again unless something
     * else holds it) and resolves the WABA's PORTFOLIO_PACING alert, in one transaction, audited.
     *
     * @throws dev.warden.domain.shared.NotFound when the WABA is not registered to the actor's organisation
     * @throws AccessDenied                      when the actor may not change that organisation
     */
    PacingReleased release(Actor actor, WabaId wabaId);

    /**
     * @param campaignsReleased campaigns whose pacing hold was lifted
     * @param campaignsResumed  of those, the ones running again (nothing else held them)
     * @param alertResolved     whether an unresolved PORTFOLIO_PACING alert of the WABA was resolved
     */
    record PacingReleased(WabaId wabaId, int campaignsReleased, int campaignsResumed, boolean alertResolved) {
    }
}
