package dev.warden.adapters.persistence;

import dev.warden.domain.fixtures.AlertContract;
import dev.warden.domain.fixtures.CampaignContract;
import dev.warden.domain.fixtures.CampaignHoldRuleContract;
import dev.warden.domain.fixtures.CampaignHoldsContract;
import dev.warden.domain.fixtures.DirectoryContract;
import dev.warden.domain.fixtures.Repositories;
import dev.warden.domain.fixtures.SortingContract;
import dev.warden.domain.fixtures.TemplateContract;
import dev.warden.domain.fixtures.TemplateHistoryContract;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Nested;

/** The jOOQ repositories keep every part of the contract the in-memory fakes keep, on a real PostgreSQL. */
class JooqRepositoriesIT {

    static Repositories onAnEmptyDatabase() {
        DSLContext dsl = TestDatabase.emptyDatabase();
        return new Repositories(new JooqOrganizationRepository(dsl), new JooqWhatsAppAccountRepository(dsl),
                new JooqUserRepository(dsl), new JooqTemplateRepository(dsl), new JooqTemplateHistory(dsl),
                new JooqTemplateVersions(dsl), new JooqQualityHistory(dsl), new JooqCampaignRepository(dsl),
                new JooqAlertRepository(dsl), new JooqCustomerServiceWindows(dsl));
    }

    @Nested
    class Directory extends DirectoryContract {
        @Override
        protected Repositories repositories() {
            return onAnEmptyDatabase();
        }
    }

    @Nested
    class Templates extends TemplateContract {
        @Override
        protected Repositories repositories() {
            return onAnEmptyDatabase();
        }
    }

    @Nested
    class TemplateHistory extends TemplateHistoryContract {
        @Override
        protected Repositories repositories() {
            return onAnEmptyDatabase();
        }
    }

    @Nested
    class Campaigns extends CampaignContract {
        @Override
        protected Repositories repositories() {
            return onAnEmptyDatabase();
        }
    }

    @Nested
    class CampaignHolds extends CampaignHoldsContract {
        @Override
        protected Repositories repositories() {
            return onAnEmptyDatabase();
        }
    }

    @Nested
    class CampaignHoldRule extends CampaignHoldRuleContract {
        @Override
        protected Repositories repositories() {
            return onAnEmptyDatabase();
        }
    }

    @Nested
    class Alerts extends AlertContract {
        @Override
        protected Repositories repositories() {
            return onAnEmptyDatabase();
        }
    }

    @Nested
    class Sorting extends SortingContract {
        @Override
        protected Repositories repositories() {
            return onAnEmptyDatabase();
        }
    }
}
