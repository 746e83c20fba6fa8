package dev.warden.adapters.persistence;

import dev.warden.domain.fixtures.CampaignFallbackContract;
import dev.warden.domain.fixtures.Repositories;
import org.jooq.DSLContext;

/** The set-based template holds follow Campaign.canSend on a real PostgreSQL, as the in-memory fake does. */
class JooqCampaignFallbackIT extends CampaignFallbackContract {

    @Override
    protected Repositories repositories() {
        DSLContext dsl = TestDatabase.emptyDatabase();
        return new Repositories(new JooqOrganizationRepository(dsl), new JooqWhatsAppAccountRepository(dsl),
                new JooqUserRepository(dsl), new JooqTemplateRepository(dsl), new JooqTemplateHistory(dsl),
                new JooqTemplateVersions(dsl), new JooqQualityHistory(dsl), new JooqCampaignRepository(dsl),
                new JooqAlertRepository(dsl), new JooqCustomerServiceWindows(dsl));
    }
}
