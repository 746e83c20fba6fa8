package dev.warden.domain.audit;

/** Where admin actions are recorded, in the same transaction as the action itself. */
public interface AuditTrail {

    void record(AuditEntry entry);
}
