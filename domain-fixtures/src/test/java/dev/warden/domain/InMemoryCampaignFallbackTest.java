package dev.warden.domain;

import dev.warden.domain.fixtures.CampaignFallbackContract;
import dev.warden.domain.fixtures.Repositories;

/** The in-memory campaign repository holds campaigns that fall back by the same rule as PostgreSQL. */
class InMemoryCampaignFallbackTest extends CampaignFallbackContract {

    @Override
    protected Repositories repositories() {
        return Repositories.inMemory();
    }
}
