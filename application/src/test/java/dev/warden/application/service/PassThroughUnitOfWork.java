package dev.warden.application.service;

import dev.warden.application.port.out.UnitOfWork;
import java.util.function.Supplier;

/**
 * Runs work directly and counts the units of work it was given. A unit that fails runs the rollback taken before it
 * ({@link #rollsBack}), as a database would undo the transaction; by default nothing is undone, and only what the
 * rollback covers is (the other in-memory stores keep what a failed unit wrote).
 */
final class PassThroughUnitOfWork implements UnitOfWork {

    int transactions;
    private Supplier<Runnable> rollback = () -> () -> { };

    void rollsBack(Supplier<Runnable> rollback) {
        this.rollback = rollback;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        transactions++;
        Runnable undo = rollback.get();
        try {
            return work.get();
        } catch (RuntimeException | Error e) {
            undo.run();
            throw e;
        }
    }
}
