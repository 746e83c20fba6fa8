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
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.impl.DSL;

/**
 * Persistence adapter: status reports on sends (V20 {@code send_deliveries}). A send's reports of one
 * change are merged first ({@link SendDelivery#with}), then each send is one upsert whose SET applies the
 * same rule to the stored row (earliest time per state, the failure of the earliest failure, the pricing
 * of the latest-said report), so concurrent workers and any arrival order give one result; the upserts
 * of a change go in one JDBC batch.
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
        List<Query> upserts = new ArrayList<>();
        reports.forEach((id, sent) -> {
            SendDelivery merged = SendDelivery.NONE;
            for (DeliveryReport report : sent) {
                merged = merged.with(report);
            }
            upserts.add(upsert(organizationId, id, merged));
        });
        if (upserts.size() == 1) {
            upserts.get(0).execute();
        } else if (!upserts.isEmpty()) {
            dsl.batch(upserts).execute();
        }
    }

    private Query upsert(OrganizationId organizationId, UUID id, SendDelivery m) {
        var d = SEND_DELIVERIES;
        Optional<Pricing> p = m.pricing();
        var failedFirst = DSL.excluded(d.FAILED_AT).isNotNull()
                .and(d.FAILED_AT.isNull().or(DSL.excluded(d.FAILED_AT).lt(d.FAILED_AT)));
        var pricedLater = DSL.excluded(d.PRICED_AT).isNotNull()
                .and(d.PRICED_AT.isNull().or(DSL.excluded(d.PRICED_AT).ge(d.PRICED_AT)));
        return dsl.insertInto(d)
                .set(d.ORGANIZATION_ID, organizationId.value())
                .set(d.NOTIFICATION_ID, id)
                .set(d.DELIVERED_AT, Times.toDb(m.deliveredAt().orElse(null)))
                .set(d.READ_AT, Times.toDb(m.readAt().orElse(null)))
                .set(d.FAILED_AT, Times.toDb(m.failedAt().orElse(null)))
                .set(d.FAILURE, m.failure().orElse(null))
                .set(d.PRICING_MODEL, p.flatMap(Pricing::model).orElse(null))
                .set(d.PRICING_CATEGORY, p.map(Pricing::category).orElse(null))
                .set(d.PRICING_TYPE, p.flatMap(Pricing::type).orElse(null))
                .set(d.BILLABLE, p.flatMap(Pricing::billable).orElse(null))
                .set(d.PRICED_AT, Times.toDb(m.pricedAt().orElse(null)))
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
