package dev.warden.application.port.out;

/**
 * Outgoing port: where operators read that a webhook change went to the dead letters (the log).
 * Implementations write the change id, field and reason, never the payload.
 */
public interface DeadLetterLog {

    void deadLettered(long changeId, String wabaId, String field, String reason);
}
