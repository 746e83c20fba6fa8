package dev.warden.domain;

import dev.warden.domain.fixtures.InMemoryOrganizationRepository;
import dev.warden.domain.fixtures.InMemorySendDeliveries;
import dev.warden.domain.fixtures.SendDeliveriesContract;

/** The in-memory status reports merge as the database does. */
class InMemorySendDeliveriesTest extends SendDeliveriesContract {

    @Override
    protected Stores stores() {
        InMemorySendDeliveries deliveries = new InMemorySendDeliveries();
        return new Stores(new InMemoryOrganizationRepository(), deliveries, deliveries::accepted,
                deliveries::handingOver);
    }
}
