package dev.warden.domain;

import dev.warden.domain.fixtures.InMemoryOrganizationRepository;
import dev.warden.domain.fixtures.InMemorySendBlocks;
import dev.warden.domain.fixtures.SendBlocksContract;

/** The in-memory block list applies the marketing words as the database does. */
class InMemorySendBlocksTest extends SendBlocksContract {

    @Override
    protected Stores stores() {
        return new Stores(new InMemoryOrganizationRepository(), new InMemorySendBlocks());
    }
}
