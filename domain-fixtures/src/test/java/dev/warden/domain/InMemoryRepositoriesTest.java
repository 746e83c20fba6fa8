package dev.warden.domain;

import dev.warden.domain.fixtures.Repositories;
import dev.warden.domain.fixtures.RepositoryContract;

/** The in-memory fakes keep the repository contract, so tests built on them tell the truth. */
class InMemoryRepositoriesTest extends RepositoryContract {

    @Override
    protected Repositories repositories() {
        return Repositories.inMemory();
    }
}
