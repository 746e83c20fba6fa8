package dev.warden.application.port.out;

import java.util.function.Supplier;

/** Runs a unit of work atomically; implemented by adapters-persistence, a pass-through fake in tests. */
public interface UnitOfWork {

    <T> T inTransaction(Supplier<T> work);

    default void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
