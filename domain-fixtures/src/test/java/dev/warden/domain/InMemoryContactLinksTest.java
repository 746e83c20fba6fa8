package dev.warden.domain;

import dev.warden.domain.fixtures.ContactLinksContract;
import dev.warden.domain.fixtures.InMemoryContactLinks;
import dev.warden.domain.fixtures.InMemoryOrganizationRepository;

/** The in-memory contact links answer as the database does. */
class InMemoryContactLinksTest extends ContactLinksContract {

    @Override
    protected Stores stores() {
        return new Stores(new InMemoryOrganizationRepository(), new InMemoryContactLinks());
    }
}
