package dev.warden.adapters.persistence;

import dev.warden.domain.fixtures.SendBlocksContract;
import org.jooq.DSLContext;

/** The jOOQ block list's upsert keeps the later-said marketing word, on a real PostgreSQL. */
class JooqSendBlocksIT extends SendBlocksContract {

    @Override
    protected Stores stores() {
        DSLContext dsl = TestDatabase.emptyDatabase();
        return new Stores(new JooqOrganizationRepository(dsl), new JooqSendBlocks(dsl));
    }
}
