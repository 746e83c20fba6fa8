package dev.warden.application.service;

import dev.warden.application.port.out.UnitOfWork;
import java.util.function.Supplier;

/** Runs work directly and counts the units of work it was given. */
final class PassThroughUnitOfWork implements UnitOfWork {

    int transactions;

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        transactions++;
        return work.get();
    }
}
