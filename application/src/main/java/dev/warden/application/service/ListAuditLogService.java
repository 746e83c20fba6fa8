package dev.warden.application.service;

import dev.warden.application.port.in.AccessDenied;
import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.ListAuditLogUseCase;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.audit.AuditEntry;
import dev.warden.domain.audit.AuditFilter;
import dev.warden.domain.audit.AuditLog;
import dev.warden.domain.shared.Page;
import dev.warden.domain.shared.PageRequest;
import dev.warden.domain.user.Role;

/** Use case implementation: who did what, for the people who answer for an organisation. */
public final class ListAuditLogService implements ListAuditLogUseCase {

    private final AuditLog auditLog;
    private final UnitOfWork unitOfWork;

    public ListAuditLogService(AuditLog auditLog, UnitOfWork unitOfWork) {
        this.auditLog = auditLog;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public Page<AuditEntry> listAuditLog(Actor actor, AuditFilter filter, PageRequest page) {
        if (actor.role() == Role.VIEWER) {
            throw new AccessDenied("only an ORG_ADMIN or SUPER_ADMIN reads the audit log");
        }
        AuditFilter scoped = new AuditFilter(actor.readScope(filter.organizationId()), filter.actor(),
                filter.resourceKind(), filter.resourceId(), filter.from(), filter.to());
        return unitOfWork.inTransaction(() -> auditLog.find(scoped, page));
    }
}
