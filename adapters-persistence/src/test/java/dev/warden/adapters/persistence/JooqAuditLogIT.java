package dev.warden.adapters.persistence;

import dev.warden.domain.fixtures.AuditLogContract;
import org.jooq.DSLContext;

/** The jOOQ audit log filters and orders as the domain's filter says, on a real PostgreSQL. */
class JooqAuditLogIT extends AuditLogContract {

    @Override
    protected Stores stores() {
        DSLContext dsl = TestDatabase.emptyDatabase();
        return new Stores(new JooqOrganizationRepository(dsl), new JooqAuditLog(dsl));
    }
}
