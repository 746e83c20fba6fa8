package dev.warden.domain;

import dev.warden.domain.fixtures.AlertContract;
import dev.warden.domain.fixtures.CampaignContract;
import dev.warden.domain.fixtures.CampaignHoldRuleContract;
import dev.warden.domain.fixtures.CampaignHoldsContract;
import dev.warden.domain.fixtures.DirectoryContract;
import dev.warden.domain.fixtures.Repositories;
import dev.warden.domain.fixtures.SortingContract;
import dev.warden.domain.fixtures.TemplateContract;
import dev.warden.domain.fixtures.TemplateHistoryContract;
import org.junit.jupiter.api.Nested;

/** The in-memory fakes keep every part of the repository contract, so tests built on them tell the truth. */
class InMemoryRepositoriesTest {

    @Nested
    class Directory extends DirectoryContract {
        @Override
        protected Repositories repositories() {
            return Repositories.inMemory();
        }
    }

    @Nested
    class Templates extends TemplateContract {
        @Override
        protected Repositories repositories() {
            return Repositories.inMemory();
        }
    }

    @Nested
    class TemplateHistory extends TemplateHistoryContract {
        @Override
        protected Repositories repositories() {
            return Repositories.inMemory();
        }
    }

    @Nested
    class Campaigns extends CampaignContract {
        @Override
        protected Repositories repositories() {
            return Repositories.inMemory();
        }
    }

    @Nested
    class CampaignHolds extends CampaignHoldsContract {
        @Override
        protected Repositories repositories() {
            return Repositories.inMemory();
        }
    }

    @Nested
    class CampaignHoldRule extends CampaignHoldRuleContract {
        @Override
        protected Repositories repositories() {
            return Repositories.inMemory();
        }
    }

    @Nested
    class Alerts extends AlertContract {
        @Override
        protected Repositories repositories() {
            return Repositories.inMemory();
        }
    }

    @Nested
    class Sorting extends SortingContract {
        @Override
        protected Repositories repositories() {
            return Repositories.inMemory();
        }
    }
}
