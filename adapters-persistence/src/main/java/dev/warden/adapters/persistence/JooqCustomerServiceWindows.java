package dev.warden.adapters.persistence;

import static dev.warden.adapters.persistence.jooq.Tables.CUSTOMER_SERVICE_WINDOWS;

import dev.warden.domain.window.ConversationKey;
import dev.warden.domain.window.CustomerServiceWindow;
import dev.warden.domain.window.CustomerServiceWindowRepository;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.jooq.DSLContext;

/** Persistence adapter: customer-service windows, one row per business number and customer. */
@Singleton
public final class JooqCustomerServiceWindows implements CustomerServiceWindowRepository {

    private final DSLContext dsl;

    public JooqCustomerServiceWindows(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void save(CustomerServiceWindow window) {
        ConversationKey key = window.key();
        dsl.insertInto(CUSTOMER_SERVICE_WINDOWS)
                .set(CUSTOMER_SERVICE_WINDOWS.ORGANIZATION_ID, key.organizationId().value())
                .set(CUSTOMER_SERVICE_WINDOWS.PHONE_NUMBER_ID, key.phoneNumberId())
                .set(CUSTOMER_SERVICE_WINDOWS.CUSTOMER_WA_ID, key.customerWaId())
                .set(CUSTOMER_SERVICE_WINDOWS.LAST_INBOUND_AT, Times.toDb(window.lastInboundAt()))
                .set(CUSTOMER_SERVICE_WINDOWS.CLOSED_AT, Times.toDb(window.closedAt().orElse(null)))
                .onConflict(CUSTOMER_SERVICE_WINDOWS.ORGANIZATION_ID, CUSTOMER_SERVICE_WINDOWS.PHONE_NUMBER_ID,
                        CUSTOMER_SERVICE_WINDOWS.CUSTOMER_WA_ID)
                .doUpdate()
                .set(CUSTOMER_SERVICE_WINDOWS.LAST_INBOUND_AT, Times.toDb(window.lastInboundAt()))
                .set(CUSTOMER_SERVICE_WINDOWS.CLOSED_AT, Times.toDb(window.closedAt().orElse(null)))
                .execute();
    }

    @Override
    public Optional<CustomerServiceWindow> find(ConversationKey key) {
        return dsl.selectFrom(CUSTOMER_SERVICE_WINDOWS)
                .where(CUSTOMER_SERVICE_WINDOWS.ORGANIZATION_ID.eq(key.organizationId().value()),
                        CUSTOMER_SERVICE_WINDOWS.PHONE_NUMBER_ID.eq(key.phoneNumberId()),
                        CUSTOMER_SERVICE_WINDOWS.CUSTOMER_WA_ID.eq(key.customerWaId()))
                .fetchOptional(r -> new CustomerServiceWindow(key, Times.fromDb(r.getLastInboundAt()),
                        Optional.ofNullable(Times.fromDb(r.getClosedAt()))));
    }
}
