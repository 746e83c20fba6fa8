package dev.warden.adapters.persistence;

import dev.warden.domain.fixtures.Repositories;
import dev.warden.domain.fixtures.RepositoryContract;
import org.jooq.DSLContext;

/** The jOOQ repositories keep the same contract as the in-memory fakes, on a real PostgreSQL. */
class JooqRepositoriesIT extends RepositoryContract {

    @Override
    protected Repositories repositories() {
        DSLContext dsl = TestDatabase.emptyDatabase();
        return new Repositories(new JooqOrganizationRepository(dsl), new JooqWhatsAppAccountRepository(dsl),
                new JooqUserRepository(dsl), new JooqTemplateRepository(dsl), new JooqTemplateHistory(dsl),
                new JooqTemplateVersions(dsl), new JooqQualityHistory(dsl), new JooqCampaignRepository(dsl),
                new JooqAlertRepository(dsl), new JooqCustomerServiceWindows(dsl));
    }
}
