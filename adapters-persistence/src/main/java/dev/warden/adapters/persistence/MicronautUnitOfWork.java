package dev.warden.adapters.persistence;

import dev.warden.application.port.out.UnitOfWork;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.function.Supplier;

/** Persistence adapter: use-case transactions through Micronaut's JDBC transaction manager, which jOOQ joins. */
@Singleton
public final class MicronautUnitOfWork implements UnitOfWork {

    private final TransactionOperations<Connection> transactions;

    public MicronautUnitOfWork(@Named("default") TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return transactions.executeWrite(status -> work.get());
    }
}
