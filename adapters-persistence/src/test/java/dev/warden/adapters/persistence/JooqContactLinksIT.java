package dev.warden.adapters.persistence;

import dev.warden.domain.fixtures.ContactLinksContract;
import org.jooq.DSLContext;

/** The jOOQ contact links on a real PostgreSQL. */
class JooqContactLinksIT extends ContactLinksContract {

    @Override
    protected Stores stores() {
        DSLContext dsl = TestDatabase.emptyDatabase();
        return new Stores(new JooqOrganizationRepository(dsl), new JooqContactLinks(dsl));
    }
}
