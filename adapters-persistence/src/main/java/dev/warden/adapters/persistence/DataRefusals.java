package dev.warden.adapters.persistence;

import java.sql.SQLException;

/** Tells PostgreSQL's refusal of a statement's data from a failure to work, for the delivery writer's fallbacks. */
final class DataRefusals {

    private DataRefusals() {
    }

    /**
     * Whether PostgreSQL refused the data rather than failed to work: SQL states of class 22 (data
     * exception), 23 (integrity constraint) and 54 (program limit, e.g. nesting too deep). A
     * connection or server failure fails the group at once; committing one by one would not help.
     */
    static boolean refusedData(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    String state = next.getSQLState();
                    if (state != null && (state.startsWith("22") || state.startsWith("23") || state.startsWith("54"))) {
                        return true;
                    }
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** The first line of PostgreSQL's own words for the failure (the deepest {@link SQLException}'s message). */
    static String message(Throwable error) {
        Throwable deepest = error;
        for (Throwable t = error; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                deepest = sql.getNextException() != null ? sql.getNextException() : sql;
            }
        }
        String message = String.valueOf(deepest.getMessage());
        return message.lines().findFirst().orElse(message);
    }
}
