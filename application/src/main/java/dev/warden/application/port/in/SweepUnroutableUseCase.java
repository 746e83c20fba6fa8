package dev.warden.application.port.in;

/**
 * Use case, run periodically by the system: changes kept as unroutable whose WABA has been
 * registered since go back into the inbox. Registration requeues them too, but a batch that found
 * no route may commit after the registration did; this sweep is what makes that race harmless.
 */
public interface SweepUnroutableUseCase {

    /** Returns how many changes went back into the inbox. */
    int sweep();
}
