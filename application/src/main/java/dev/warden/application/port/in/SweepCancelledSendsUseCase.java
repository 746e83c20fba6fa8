package dev.warden.application.port.in;

/** Use case: settle the sends of cancelled campaigns that a cancel could not reach. */
public interface SweepCancelledSendsUseCase {

    /** Returns how many sends were settled as skipped. */
    int sweep();
}
