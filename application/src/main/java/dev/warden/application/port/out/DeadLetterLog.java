package dev.warden.application.port.out;

/**
 * Outgoing port: where operators read that a webhook change went to the dead letters (the log).
 * Implementations write the change's and its delivery's ids, field and reason, never the payload.
 */
public interface DeadLetterLog {

    void deadLettered(long changeId, long deliveryId, String wabaId, String field, String reason);
}
