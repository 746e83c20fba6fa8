package dev.warden.domain.audit;

import dev.warden.domain.shared.Page;
import dev.warden.domain.shared.PageRequest;

/** The audit trail as it is read back: newest first. */
public interface AuditLog extends AuditTrail {

    Page<AuditEntry> find(AuditFilter filter, PageRequest page);
}
