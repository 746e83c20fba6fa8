package dev.warden.adapters.persistence;

import static dev.warden.adapters.persistence.jooq.Tables.CUSTOMER_SERVICE_WINDOWS;

import dev.warden.domain.window.ConversationKey;
import dev.warden.domain.window.CustomerServiceWindow;
import dev.warden.domain.window.CustomerServiceWindowRepository;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Persistence adapter: customer-service windows, one row per business number and customer. */
@Singleton
public final class JooqCustomerServiceWindows implements CustomerServiceWindowRepository {

    private final DSLContext dsl;

    public JooqCustomerServiceWindows(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * One upsert: the later of the stored and the new inbound time wins, and a close at or before
     * a newer inbound message is cleared ({@link CustomerServiceWindow#refreshedBy}, in SQL, so
     * concurrent workers cannot lose an update; the repository contract test holds both to it).
     */
    @Override
    public void recordInbound(ConversationKey key, Instant at) {
        OffsetDateTime inbound = Times.toDb(at);
        var w = CUSTOMER_SERVICE_WINDOWS;
        dsl.insertInto(w)
                .set(w.ORGANIZATION_ID, key.organizationId().value())
                .set(w.PHONE_NUMBER_ID, key.phoneNumberId())
                .set(w.CUSTOMER_WA_ID, key.customerWaId())
                .set(w.LAST_INBOUND_AT, inbound)
                .setNull(w.CLOSED_AT)
                .onConflict(w.ORGANIZATION_ID, w.PHONE_NUMBER_ID, w.CUSTOMER_WA_ID)
                .doUpdate()
                .set(w.LAST_INBOUND_AT, DSL.greatest(w.LAST_INBOUND_AT, DSL.excluded(w.LAST_INBOUND_AT)))
                .set(w.CLOSED_AT, DSL.when(DSL.excluded(w.LAST_INBOUND_AT).gt(w.LAST_INBOUND_AT)
                        .and(w.CLOSED_AT.le(DSL.excluded(w.LAST_INBOUND_AT))), DSL.inline(null, w.CLOSED_AT))
                        .otherwise(w.CLOSED_AT))
                .execute();
    }

    /** One update: closes unless an inbound message came after the failure; the later close wins. */
    @Override
    public void recordReEngagementFailure(ConversationKey key, Instant at) {
        OffsetDateTime failed = Times.toDb(at);
        var w = CUSTOMER_SERVICE_WINDOWS;
        dsl.update(w)
                .set(w.CLOSED_AT, DSL.greatest(w.CLOSED_AT, DSL.val(failed, w.CLOSED_AT)))
                .where(w.ORGANIZATION_ID.eq(key.organizationId().value()), w.PHONE_NUMBER_ID.eq(key.phoneNumberId()),
                        w.CUSTOMER_WA_ID.eq(key.customerWaId()), w.LAST_INBOUND_AT.le(failed))
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
