package dev.warden.application.port.out;

/**
 * Outgoing port: the server's log, read by operators, never shown to users. What a user sees of a
 * failure is a sentence and a reference; the exception itself, which may quote SQL or a stack, goes here.
 */
public interface ServerLog {

    /** Something failed inside Warden; {@code reference} is the one the user was shown. */
    void internalError(String reference, String what, Throwable cause);

    /** Something stopped for a reason outside Warden (Meta, another instance); no stack needed. */
    void warning(String what);

    /** As {@link #warning(String)}, for a failure whose stack the operator needs (a database error, a defect). */
    void warning(String what, Throwable cause);
}
