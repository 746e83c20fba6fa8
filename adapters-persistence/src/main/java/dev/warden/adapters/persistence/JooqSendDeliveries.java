package dev.warden.adapters.persistence;

import static dev.warden.adapters.persistence.jooq.Tables.NOTIFICATIONS;
import static dev.warden.adapters.persistence.jooq.Tables.SEND_DELIVERIES;

import dev.warden.adapters.persistence.jooq.tables.records.SendDeliveriesRecord;
import dev.warden.domain.notification.ChannelKind;
import dev.warden.domain.notification.NotificationStatus;
import dev.warden.domain.organization.WabaId;
import dev.warden.domain.sending.DeliveryReport;
import dev.warden.domain.sending.Pricing;
import dev.warden.domain.sending.SendProvider;
import dev.warden.domain.sending.SendDelivery;
import dev.warden.domain.sending.SendDeliveryRepository;
import dev.warden.domain.shared.OrganizationId;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.BatchBindStep;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.impl.DSL;

/**
 * Persistence adapter: status reports on sends (V20 {@code send_deliveries}). A send's reports given in
 * one call are merged first ({@link SendDelivery#with}), then each send is one upsert whose SET applies the
 * same rule to the stored row (earliest time per state, the failure of the earliest failure, the pricing
 * of the latest-said report), so concurrent workers and any arrival order give one result; a call's
 * upserts are one prepared statement in one JDBC batch, in the order of the map given.
 */
@Singleton
public final class JooqSendDeliveries implements SendDeliveryRepository {

    private final DSLContext dsl;

    public JooqSendDeliveries(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public List<MatchedSend> match(OrganizationId organizationId, WabaId wabaId, Collection<String> providerMessageIds) {
        if (providerMessageIds.isEmpty()) {
            return List.of();
        }
        var n = NOTIFICATIONS;
        var d = SEND_DELIVERIES;
        return dsl.select(n.ID, n.PROVIDER_MESSAGE_ID, n.OUTBOUND, d.FAILED_AT)
                .from(n).leftJoin(d).on(d.ORGANIZATION_ID.eq(n.ORGANIZATION_ID), d.NOTIFICATION_ID.eq(n.ID))
                .where(n.ORGANIZATION_ID.eq(organizationId.value()), n.PROVIDER_MESSAGE_ID.in(providerMessageIds),
                        n.OUTBOUND.isNotNull())
                .fetch().stream()
                .flatMap(r -> OutboundJson.read(r.get(n.OUTBOUND)).filter(m -> m.wabaId().equals(wabaId))
                        .map(m -> new MatchedSend(r.get(n.ID), r.get(n.PROVIDER_MESSAGE_ID), m,
                                r.get(d.FAILED_AT) != null)).stream())
                .toList();
    }

    @Override
    public boolean handsOver(OrganizationId organizationId, WabaId wabaId, Instant now) {
        // notifications_by_channel (organization_id, channel, status): the few sends in flight, not the history.
        // Only a live claim (a SENDING row whose claim ran out is no call in progress) of a Meta send.
        return dsl.fetchExists(NOTIFICATIONS, NOTIFICATIONS.ORGANIZATION_ID.eq(organizationId.value()),
                NOTIFICATIONS.CHANNEL.eq(ChannelKind.WHATSAPP.name()),
                NOTIFICATIONS.STATUS.eq(NotificationStatus.SENDING.name()),
                NOTIFICATIONS.NEXT_ATTEMPT_AT.gt(Times.toDb(now)), NOTIFICATIONS.OUTBOUND.isNotNull(),
                DSL.field("{0} ->> 'wabaId'", String.class, NOTIFICATIONS.OUTBOUND).eq(wabaId.value()),
                DSL.field("{0} ->> 'provider'", String.class, NOTIFICATIONS.OUTBOUND).eq(SendProvider.META.name()));
    }

    @Override
    public void record(OrganizationId organizationId, Map<UUID, List<DeliveryReport>> reports) {
        List<Object[]> rows = new ArrayList<>();
        reports.forEach((id, sent) -> {
            SendDelivery merged = SendDelivery.NONE;
            for (DeliveryReport report : sent) {
                merged = merged.with(report);
            }
            rows.add(values(organizationId, id, merged));
        });
        if (rows.size() == 1) {
            upsert(rows.get(0)).execute();
        } else if (!rows.isEmpty()) {
            // One statement prepared once, bound per send, in the order given (the order its rows are locked in).
            BatchBindStep batch = dsl.batch(upsert(new Object[COLUMNS.size()]));
            rows.forEach(batch::bind);
            batch.execute();
        }
    }

    /** The columns a report writes, in the order of {@link #values}. */
    private static final List<Field<?>> COLUMNS = List.of(SEND_DELIVERIES.ORGANIZATION_ID,
            SEND_DELIVERIES.NOTIFICATION_ID, SEND_DELIVERIES.DELIVERED_AT, SEND_DELIVERIES.READ_AT,
            SEND_DELIVERIES.FAILED_AT, SEND_DELIVERIES.FAILURE, SEND_DELIVERIES.PRICING_MODEL,
            SEND_DELIVERIES.PRICING_CATEGORY, SEND_DELIVERIES.PRICING_TYPE, SEND_DELIVERIES.BILLABLE,
            SEND_DELIVERIES.PRICED_AT);

    private static Object[] values(OrganizationId organizationId, UUID id, SendDelivery m) {
        Optional<Pricing> p = m.pricing();
        return new Object[] {organizationId.value(), id, Times.toDb(m.deliveredAt().orElse(null)),
                Times.toDb(m.readAt().orElse(null)), Times.toDb(m.failedAt().orElse(null)), m.failure().orElse(null),
                p.flatMap(Pricing::model).orElse(null), p.map(Pricing::category).orElse(null),
                p.flatMap(Pricing::type).orElse(null), p.flatMap(Pricing::billable).orElse(null),
                Times.toDb(m.pricedAt().orElse(null))};
    }

    /** Inserts a send's merged reports, or merges them into what is kept by {@link SendDelivery#with}'s rule. */
    private Query upsert(Object[] values) {
        var d = SEND_DELIVERIES;
        var failedFirst = DSL.excluded(d.FAILED_AT).isNotNull()
                .and(d.FAILED_AT.isNull().or(DSL.excluded(d.FAILED_AT).lt(d.FAILED_AT)));
        var pricedLater = DSL.excluded(d.PRICED_AT).isNotNull()
                .and(d.PRICED_AT.isNull().or(DSL.excluded(d.PRICED_AT).ge(d.PRICED_AT)));
        List<Field<?>> bound = new ArrayList<>();
        for (int i = 0; i < COLUMNS.size(); i++) {
            bound.add(DSL.val(values[i], COLUMNS.get(i)));
        }
        return dsl.insertInto(d).columns(COLUMNS).values(bound.toArray(Field<?>[]::new))
                .onConflict(d.ORGANIZATION_ID, d.NOTIFICATION_ID).doUpdate()
                .set(d.DELIVERED_AT, DSL.least(d.DELIVERED_AT, DSL.excluded(d.DELIVERED_AT)))
                .set(d.READ_AT, DSL.least(d.READ_AT, DSL.excluded(d.READ_AT)))
                .set(d.FAILED_AT, DSL.least(d.FAILED_AT, DSL.excluded(d.FAILED_AT)))
                .set(d.FAILURE, choose(failedFirst, d.FAILURE))
                .set(d.PRICING_MODEL, choose(pricedLater, d.PRICING_MODEL))
                .set(d.PRICING_CATEGORY, choose(pricedLater, d.PRICING_CATEGORY))
                .set(d.PRICING_TYPE, choose(pricedLater, d.PRICING_TYPE))
                .set(d.BILLABLE, choose(pricedLater, d.BILLABLE))
                .set(d.PRICED_AT, choose(pricedLater, d.PRICED_AT));
    }

    private static <T> Field<T> choose(org.jooq.Condition takeNew, Field<T> column) {
        return DSL.when(takeNew, DSL.excluded(column)).otherwise(column);
    }

    @Override
    public Optional<SendDelivery> find(OrganizationId organizationId, UUID notificationId) {
        var d = SEND_DELIVERIES;
        return dsl.selectFrom(d).where(d.ORGANIZATION_ID.eq(organizationId.value()), d.NOTIFICATION_ID.eq(notificationId))
                .fetchOptional().map(JooqSendDeliveries::delivery);
    }

    private static SendDelivery delivery(SendDeliveriesRecord r) {
        Optional<Pricing> pricing = Optional.ofNullable(r.getPricingCategory()).map(category -> new Pricing(
                Optional.ofNullable(r.getPricingModel()), category, Optional.ofNullable(r.getPricingType()),
                Optional.ofNullable(r.getBillable())));
        return new SendDelivery(Optional.ofNullable(Times.fromDb(r.getDeliveredAt())),
                Optional.ofNullable(Times.fromDb(r.getReadAt())), Optional.ofNullable(Times.fromDb(r.getFailedAt())),
                Optional.ofNullable(r.getFailure()), pricing, Optional.ofNullable(Times.fromDb(r.getPricedAt())));
    }
}
