package dev.warden.application.port.in;

/** Incoming port: the periodic reconciliation of every registered WABA with Meta. */
public interface ReconcileAccountsUseCase {

    /**
     * Reconciles, one after the other, each WABA not reconciled within the interval and not being
     * reconciled elsewhere; returns how many it reconciled.
     */
    int reconcileDue();
}
