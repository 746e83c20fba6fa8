package dev.warden.adapters.persistence;

import dev.warden.application.port.out.UnitOfWork;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import dev.warden.domain.shared.ConcurrentModification;
import java.sql.Connection;
import java.sql.SQLException;
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
        try {
            return transactions.executeWrite(status -> work.get());
        } catch (RuntimeException e) {
            if (lostToAnotherTransaction(e)) {
                // PostgreSQL chose this transaction as a deadlock's victim, a serialisation failure, or
                // a lock wait past lock_timeout: the same as a concurrent change, retried or answered 409.
                throw new ConcurrentModification("another transaction changed the same data at the same time ("
                        + reason(sqlState(e)) + "); try again");
            }
            throw e;
        }
    }

    private static boolean lostToAnotherTransaction(Throwable e) {
        String state = sqlState(e);
        return "40P01".equals(state) || "40001".equals(state) || "55P03".equals(state);
    }

    private static String reason(String sqlState) {
        return switch (sqlState) {
            case "40P01" -> "deadlock";
            case "55P03" -> "lock timeout";
            default -> "serialisation failure";
        };
    }

    private static String sqlState(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
