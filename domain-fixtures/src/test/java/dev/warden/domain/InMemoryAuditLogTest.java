package dev.warden.domain;

import dev.warden.domain.fixtures.AuditLogContract;
import dev.warden.domain.fixtures.InMemoryAuditLog;
import dev.warden.domain.fixtures.InMemoryOrganizationRepository;

/** The in-memory audit log keeps the contract the database keeps. */
class InMemoryAuditLogTest extends AuditLogContract {

    @Override
    protected Stores stores() {
        return new Stores(new InMemoryOrganizationRepository(), new InMemoryAuditLog());
    }
}
