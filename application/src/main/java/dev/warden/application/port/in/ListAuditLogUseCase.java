package dev.warden.application.port.in;

import dev.warden.domain.audit.AuditEntry;
import dev.warden.domain.audit.AuditFilter;
import dev.warden.domain.shared.Page;
import dev.warden.domain.shared.PageRequest;

/** Read the audit log: an organisation admin reads their organisation's, a super admin any or all. */
public interface ListAuditLogUseCase {

    Page<AuditEntry> listAuditLog(Actor actor, AuditFilter filter, PageRequest page);
}
